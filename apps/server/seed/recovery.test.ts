import { describe, expect, it } from 'vitest';
import { REFERENCE_DATE, buildDemoData } from './build.js';
import { DEMO_RECOVERY_PHONES, buildRecoveryDemo } from './recovery.js';

describe('demo account recovery requests', () => {
  const data = buildDemoData(1345);
  const rows = buildRecoveryDemo(data, REFERENCE_DATE);

  it('are deterministic: two pending in 桑伊社区, one rejected in 吉祥社区, one expired', () => {
    expect(buildRecoveryDemo(buildDemoData(1345), REFERENCE_DATE)).toEqual(rows);
    expect(rows.map((r) => [r.status, r.communityId])).toEqual([
      ['pending', 'com_sy'],
      ['pending', 'com_sy'],
      ['rejected', 'com_jx'],
      ['expired', 'com_sy'],
    ]);
    expect(rows.filter((r) => !r.nameMatches)).toHaveLength(1);
    expect(rows.find((r) => r.status === 'rejected')!.reason).toBeTruthy();
  });

  it('belong to volunteers without an account, and their new phones to nobody', () => {
    const withAccount = new Set(data.accounts.map((a) => a.personId));
    const volunteers = new Set(data.volunteers.map((v) => v.personId));
    const phones = new Set(data.persons.map((p) => p.phone));
    for (const r of rows) {
      expect(withAccount.has(r.personId)).toBe(false);
      expect(volunteers.has(r.personId)).toBe(true);
    }
    for (const phone of DEMO_RECOVERY_PHONES) expect(phones.has(phone)).toBe(false);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
  });

  it('keep pending requests fresh relative to the reference date (7 days to expire)', () => {
    for (const r of rows.filter((x) => x.status === 'pending')) {
      expect(r.createdAt.getTime()).toBeLessThan(REFERENCE_DATE.getTime());
      expect(r.expiresAt.getTime()).toBeGreaterThan(REFERENCE_DATE.getTime());
    }
  });
});
