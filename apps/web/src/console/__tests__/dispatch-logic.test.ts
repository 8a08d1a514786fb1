import { describe, expect, it } from 'vitest';
import * as contracts from '@duodi/contracts';
import { deadlineTone, spanParts } from '../../features/dispatch/deadline';
import { explainReason, REASON_WEIGHTS } from '../../features/dispatch/explain';
import {
  addVolunteer,
  assignmentsOf,
  conflictsByDemand,
  planCost,
  removeVolunteer,
  replaceVolunteer,
  rowCost,
  type PlanRow,
} from '../../features/dispatch/plan';
import { CANDIDATE_REASONS, DEMAND_STATUS_VALUES, DEMAND_URGENCY_VALUES } from '../../features/dispatch/values';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-29T12:00:00+08:00');
const at = (ms: number) => new Date(now + ms).toISOString();
const c = (volunteerId: string, score: number) => ({
  volunteerId,
  volunteer: { name: `志愿者${volunteerId}`, nameBo: null, communityName: '桑伊社区', communityNameBo: null },
  score,
  reasons: { skills: 1, language: 1, distance: 1, availability: 1, workload: 1, reliability: 1 },
});

describe('dispatch values', () => {
  it('equal the contracts’ statuses and urgencies', () => {
    expect([...DEMAND_STATUS_VALUES]).toEqual([...contracts.DEMAND_STATUSES]);
    expect([...DEMAND_URGENCY_VALUES]).toEqual([...contracts.DEMAND_URGENCIES]);
    expect(Object.keys(contracts.CandidateSchema.shape.reasons.shape).sort()).toEqual([...CANDIDATE_REASONS].sort());
  });

  it('weigh the six reasons to 100 %', () => {
    expect(Object.values(REASON_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe(deadlineTone.name, () => {
  it('is red past the deadline or when the server says overdue, amber close to it, green otherwise', () => {
    expect(deadlineTone(at(-1), false, 'normal', now)).toBe('overdue');
    expect(deadlineTone(at(10 * HOUR), true, 'normal', now)).toBe('overdue');
    expect(deadlineTone(at(5 * HOUR), false, 'normal', now)).toBe('soon');
    expect(deadlineTone(at(7 * HOUR), false, 'normal', now)).toBe('ok');
    expect(deadlineTone(at(2 * HOUR), false, 'urgent', now)).toBe('ok');
    expect(deadlineTone(at(30 * 60_000), false, 'urgent', now)).toBe('soon');
    expect(deadlineTone(null, false, 'urgent', now)).toBe('none');
  });

  it('splits a span into hours and minutes', () => {
    expect(spanParts(-(3 * HOUR + 5 * 60_000))).toEqual({ days: 0, hours: 3, minutes: 5 });
    expect(spanParts(103 * HOUR + 35 * 60_000)).toEqual({ days: 4, hours: 7, minutes: 35 });
  });
});

describe(explainReason.name, () => {
  it('says what each sub-score means', () => {
    expect(explainReason('skills', 0.5)).toEqual({ key: 'dispatch.reason.skills.some', vars: { pct: 50 } });
    expect(explainReason('language', 0).key).toBe('dispatch.reason.language.none');
    expect(explainReason('distance', 1).key).toBe('dispatch.reason.distance.sameGrid');
    expect(explainReason('distance', 0.3).key).toBe('dispatch.reason.distance.street');
    expect(explainReason('distance', 0.45)).toEqual({ key: 'dispatch.reason.distance.km', vars: { km: 2.5 } });
    expect(explainReason('availability', 0.25)).toEqual({ key: 'dispatch.reason.availability.partial', vars: { pct: 25 } });
    // 1 / (1 + served / 4): 0.5 is 4 served.
    expect(explainReason('workload', 0.5)).toEqual({ key: 'dispatch.reason.workload.served', vars: { count: 4 } });
    expect(explainReason('reliability', 0.4).key).toBe('dispatch.reason.reliability.low');
  });
});

describe('plan edits', () => {
  const row: PlanRow = { demandId: 'd1', slots: 2, teamId: 't1', volunteers: [c('v1', 80), c('v2', 70)], dropped: false };

  it('measure cost as the suggestion does: Σ (100 − score) + 100 per open slot, a dropped demand all open', () => {
    expect(rowCost(row)).toBe(50);
    expect(rowCost(removeVolunteer(row, 'v2'))).toBe(120);
    expect(planCost([row, { ...row, demandId: 'd2', dropped: true }])).toBe(250);
  });

  it('never puts a volunteer twice on a demand or past its slots', () => {
    expect(replaceVolunteer(row, 'v1', c('v2', 70))).toBe(row);
    expect(addVolunteer(row, c('v3', 60))).toBe(row);
    expect(addVolunteer(removeVolunteer(row, 'v2'), c('v3', 60)).volunteers.map((v) => v.volunteerId)).toEqual(['v1', 'v3']);
  });

  it('sends the kept demands with a team and names the ones without', () => {
    const plan = assignmentsOf([row, { ...row, demandId: 'd2', teamId: undefined }, { ...row, demandId: 'd3', dropped: true }]);
    expect(plan).toEqual({ assignments: [{ demandId: 'd1', teamId: 't1', volunteerIds: ['v1', 'v2'] }], missingTeam: ['d2'] });
    const conflicts = conflictsByDemand(
      [
        { field: 'assignments.0.demandId', message: 'taken' },
        { field: 'scope', message: 'x' },
      ],
      plan.assignments,
    );
    expect([...conflicts]).toEqual([['d1', ['taken']]]);
  });
});
