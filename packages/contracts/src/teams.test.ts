import { describe, expect, it } from 'vitest';
import { DecisionReasonBodySchema, QuarterSchema, TeamCreateSchema, TeamPatchSchema, UnitPartyMembersQuerySchema } from './teams.js';

describe('team schemas', () => {
  const team = { name: '布谷响铃', communityId: 'com_sy', domains: ['elderly_care'] };

  it('accepts a plain team and trims its texts', () => {
    expect(TeamCreateSchema.parse({ ...team, name: '  布谷响铃  ', storyBo: 'ལོ་རྒྱུས།\nགཉིས་པ།' })).toMatchObject({ name: '布谷响铃', storyBo: 'ལོ་རྒྱུས།\nགཉིས་པ།' });
  });

  it('refuses control characters, line breaks in names, duplicate domains and unknown fields', () => {
    expect(TeamCreateSchema.safeParse({ ...team, name: '布谷\u0000响铃' }).success).toBe(false);
    expect(TeamCreateSchema.safeParse({ ...team, name: '布谷\n响铃' }).success).toBe(false);
    expect(TeamCreateSchema.safeParse({ ...team, story: 'a\u001bb' }).success).toBe(false);
    expect(TeamCreateSchema.safeParse({ ...team, domains: ['patrol', 'patrol'] }).success).toBe(false);
    expect(TeamCreateSchema.safeParse({ ...team, leaderPersonId: 'per_1' }).success).toBe(false);
  });

  it('needs at least one field in a patch, and lets null clear an optional text', () => {
    expect(TeamPatchSchema.safeParse({}).success).toBe(false);
    expect(TeamPatchSchema.parse({ slogan: null })).toEqual({ slogan: null });
  });

  it('needs a non-blank reason', () => {
    expect(DecisionReasonBodySchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(DecisionReasonBodySchema.parse({ reason: ' 名额已满 ' })).toEqual({ reason: '名额已满' });
  });
});

describe('QuarterSchema', () => {
  it('takes YYYYQ1–Q4 only', () => {
    for (const ok of ['2026Q1', '2026Q4']) expect(QuarterSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['2026Q0', '2026Q5', '2026-Q4', '26Q4', '2026q4', ' 2026Q4']) expect(QuarterSchema.safeParse(bad).success, bad).toBe(false);
    expect(UnitPartyMembersQuerySchema.parse({})).toMatchObject({ limit: 20 });
  });
});
