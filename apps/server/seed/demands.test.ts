import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES } from '@duodi/contracts';
import { REFERENCE_DATE, buildDemoData } from './build.js';
import { DEMAND_TRANSITIONS } from '../src/modules/demands/demand-state.js';

const data = buildDemoData(1345);

describe('demo demands', () => {
  it('are deterministic and keep the other counts', () => {
    const again = buildDemoData(1345);
    expect(again.demands).toEqual(data.demands);
    expect(again.demandHistory).toEqual(data.demandHistory);
    expect(data.volunteers).toHaveLength(1345);
    expect(data.teams).toHaveLength(17);
    expect(data.communities).toHaveLength(6);
  });

  it('cover every status over a year, with consistent history, volunteers and records', () => {
    expect(data.demands.length).toBeGreaterThan(300);
    const statuses = new Set(data.demands.map((d) => d.status));
    for (const s of DEMAND_STATUSES) expect(statuses, s).toContain(s);
    const first = Math.min(...data.demands.map((d) => d.createdAt.getTime()));
    expect(REFERENCE_DATE.getTime() - first).toBeGreaterThan(300 * 86_400_000);
    const byDemand = new Map<string, typeof data.demandHistory>();
    for (const h of data.demandHistory) byDemand.set(h.demandId, [...(byDemand.get(h.demandId) ?? []), h]);
    for (const d of data.demands) {
      const h = byDemand.get(d.id)!;
      expect(h[0]).toMatchObject({ action: 'submit', toStatus: 'submitted' });
      expect(h.at(-1)!.toStatus).toBe(d.status);
      for (let i = 1; i < h.length; i++) {
        expect(h[i]!.at.getTime()).toBeGreaterThanOrEqual(h[i - 1]!.at.getTime());
        expect(h[i]!.fromStatus).toBe(h[i - 1]!.toStatus);
        const row = h[i]!;
        if (row.action === 'decline') expect([row.fromStatus, row.toStatus]).toEqual(['assigned', 'assigned']);
        else if (row.action === 'no_show') expect([row.fromStatus, row.toStatus]).toEqual(['accepted', 'assigned']);
        else expect(DEMAND_TRANSITIONS[row.action as keyof typeof DEMAND_TRANSITIONS].from as readonly string[]).toContain(row.fromStatus);
      }
      expect(h.at(-1)!.at.getTime()).toBeLessThanOrEqual(REFERENCE_DATE.getTime());
      const vols = data.demandVolunteers.filter((v) => v.demandId === d.id);
      expect(vols).toHaveLength(d.acceptedCount);
      if (['accepted', 'in_service', 'completed', 'rated', 'closed'].includes(d.status)) expect(d.acceptedCount).toBe(d.volunteersNeeded);
    }
    expect(data.serviceRecords.length).toBeGreaterThan(200);
    // Dates only (no day strings), so a load at another reference date shifts them with the rest.
    for (const r of data.serviceRecords) expect(r.servedOn).toEqual(r.createdAt);
  });

  it('give the demo resident their own in several statuses, and 布谷响铃 open offers', () => {
    const resident = data.accounts.find((a) => a.id === 'acc_demo_08')!.personId;
    const mine = data.demands.filter((d) => d.beneficiaryPersonId === resident);
    expect(new Set(mine.map((d) => d.status)).size).toBeGreaterThanOrEqual(4);
    expect(mine.every((d) => d.gridId === 'grid_sy_02')).toBe(true);
    const offers = data.demands.filter((d) => d.teamId === 'team_bugu' && d.status === 'assigned' && d.acceptedCount === 0);
    expect(offers.length).toBeGreaterThanOrEqual(5);
  });

  it('carry offers (accepted, open, declined) and a few no-shows with their history', () => {
    expect(new Set(data.demandOffers.map((o) => o.id)).size).toBe(data.demandOffers.length);
    const offer = new Map(data.demandOffers.map((o) => [`${o.demandId}:${o.volunteerId}:${o.status}`, o]));
    for (const v of data.demandVolunteers) expect(offer.has(`${v.demandId}:${v.volunteerId}:accepted`), v.demandId).toBe(true);
    const open = data.demandOffers.filter((o) => o.status === 'offered');
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.every((o) => o.teamId === 'team_bugu' && o.decidedAt === null)).toBe(true);
    const declined = data.demandOffers.filter((o) => o.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    expect(data.demandHistory.filter((h) => h.action === 'decline')).toHaveLength(declined.length);
    expect(data.noShows.length).toBeGreaterThanOrEqual(5);
    for (const n of data.noShows) {
      expect(data.demandHistory.some((h) => h.demandId === n.demandId && h.action === 'no_show' && h.at.getTime() === n.at.getTime())).toBe(true);
      expect(data.demandVolunteers.some((v) => v.demandId === n.demandId && v.volunteerId === n.volunteerId)).toBe(false);
    }
    for (const d of data.demands) expect(d.version).toBe(data.demandHistory.filter((h) => h.demandId === d.id).length);
  });
});
