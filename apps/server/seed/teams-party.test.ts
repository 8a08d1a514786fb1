import { describe, expect, it } from 'vitest';
import { buildDemoData, type DemoData } from './build.js';
import { BUGU_TEAM_ID, DEMO_UNIT_ID } from './duodi.js';

describe('demo teams and party members (0003)', () => {
  const data: DemoData = buildDemoData();
  const personOf = new Map(data.volunteers.map((v) => [v.id, v.personId]));
  const accountOf = (n: number) => data.accounts[n - 1]!;
  const volunteerOfAccount = (n: number) => data.volunteers.find((v) => v.personId === accountOf(n).personId)!.id;

  it('is deterministic', () => {
    const again = buildDemoData();
    expect(JSON.stringify([again.teamApplications, again.teamInvitations, again.partyReports])).toBe(
      JSON.stringify([data.teamApplications, data.teamInvitations, data.partyReports]),
    );
  });

  it('gives the leader of 布谷响铃 pending applications from non-members, and keeps 13900000006/07 members', () => {
    const members = new Set(data.teamMembers.filter((m) => m.teamId === BUGU_TEAM_ID).map((m) => m.volunteerId));
    const pending = data.teamApplications.filter((a) => a.teamId === BUGU_TEAM_ID && a.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(3);
    expect(pending.every((a) => !members.has(a.volunteerId))).toBe(true);
    expect(members.has(volunteerOfAccount(6)) && members.has(volunteerOfAccount(7))).toBe(true);
    expect(data.teamApplications.filter((a) => a.status === 'rejected').every((a) => a.reason)).toBe(true);
    expect(data.teamInvitations.some((i) => i.status === 'pending' && !members.has(i.volunteerId))).toBe(true);
  });

  it('has the demo party member confirmed to 吉祥社区 and unit_power by the 吉祥社区 admin', () => {
    const own = data.partyReports.filter((r) => r.volunteerId === volunteerOfAccount(9));
    expect(own).toEqual([
      expect.objectContaining({ status: 'confirmed', communityId: 'com_jx', gridId: 'grid_jx_02', unitId: DEMO_UNIT_ID, decidedByAccountId: accountOf(3).id }),
    ]);
  });

  it('shows the demo unit every case: confirmed, pending and not reported', () => {
    const unitMembers = data.volunteers.filter((v) => v.partyMember && v.unitId === DEMO_UNIT_ID);
    const reports = new Map(data.partyReports.filter((r) => r.unitId === DEMO_UNIT_ID).map((r) => [r.volunteerId, r.status]));
    const states = unitMembers.map((v) => reports.get(v.id) ?? 'none');
    for (const s of ['confirmed', 'pending', 'none']) expect(states, s).toContain(s);
  });

  it('reports only grids of the reported community, at most one per volunteer, before the reference date', () => {
    const gridCommunity = new Map(data.grids.map((g) => [g.id, g.communityId]));
    for (const r of data.partyReports) {
      expect(gridCommunity.get(r.gridId)).toBe(r.communityId);
      expect(personOf.has(r.volunteerId)).toBe(true);
      expect(r.reportedAt.getTime()).toBeLessThan(Date.parse('2026-11-01T00:00:00+08:00'));
      if (r.decidedAt) expect(r.decidedAt.getTime()).toBeGreaterThan(r.reportedAt.getTime());
    }
    expect(new Set(data.partyReports.map((r) => r.volunteerId)).size).toBe(data.partyReports.length);
  });
});
