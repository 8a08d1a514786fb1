import { describe, expect, it } from 'vitest';
import { DEMAND_ACTIONS, DEMAND_STATUSES } from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';
import { DEMAND_TRANSITIONS, REWORK_STATUS, isOpen, mayTake, nextStatus, slaDueAt } from './demand-state.js';

describe('nextStatus', () => {
  it('allows exactly the table’s steps and refuses every other with invalid_transition', () => {
    let allowed = 0;
    for (const status of DEMAND_STATUSES) {
      for (const action of DEMAND_ACTIONS) {
        const t = DEMAND_TRANSITIONS[action];
        if ((t.from as readonly string[]).includes(status)) {
          expect(nextStatus(status, action)).toBe(t.to);
          allowed++;
        } else {
          expect(() => nextStatus(status, action)).toThrow(AppError);
          try {
            nextStatus(status, action);
          } catch (err) {
            expect((err as AppError).code).toBe('invalid_transition');
            expect((err as AppError).status).toBe(409);
          }
        }
      }
    }
    expect(allowed).toBe(13);
  });

  it('terminal statuses lead nowhere', () => {
    for (const status of ['closed', 'rejected', 'cancelled'] as const) {
      for (const action of DEMAND_ACTIONS) expect(() => nextStatus(status, action)).toThrow();
      expect(isOpen(status)).toBe(false);
    }
  });

  it('a dissatisfied rating returns the demand once for rework (重办)', () => {
    expect(nextStatus('completed', 'rate', { score: 2, reworkCount: 0 })).toBe(REWORK_STATUS);
    expect(nextStatus('completed', 'rate', { score: 1, reworkCount: 0 })).toBe('accepted');
    expect(nextStatus('completed', 'rate', { score: 2, reworkCount: 1 })).toBe('rated');
    expect(nextStatus('completed', 'rate', { score: 3, reworkCount: 0 })).toBe('rated');
  });

  it('a multi-volunteer accept stays assigned until the last slot', () => {
    expect(nextStatus('assigned', 'accept', { acceptedAfter: 1, volunteersNeeded: 3 })).toBe('assigned');
    expect(nextStatus('assigned', 'accept', { acceptedAfter: 3, volunteersNeeded: 3 })).toBe('accepted');
  });
});

describe('roles and deadlines', () => {
  it('mayTake follows the relations', () => {
    expect(mayTake(new Set(['community_admin']), 'publish')).toBe(true);
    expect(mayTake(new Set(['grid_worker']), 'publish')).toBe(false);
    expect(mayTake(new Set(['team_volunteer']), 'accept')).toBe(true);
    expect(mayTake(new Set(['team_volunteer']), 'start')).toBe(false);
    expect(mayTake(new Set(['requester']), 'rate')).toBe(true);
    expect(mayTake(new Set(['requester']), 'close')).toBe(false);
  });

  it('urgent demands get shorter deadlines; closed ones none', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    expect(slaDueAt('submitted', 'urgent', at)!.getTime() - at.getTime()).toBe(2 * 3_600_000);
    expect(slaDueAt('submitted', 'normal', at)!.getTime() - at.getTime()).toBe(24 * 3_600_000);
    expect(slaDueAt('completed', 'normal', at)!.getTime() - at.getTime()).toBe(72 * 3_600_000);
    expect(slaDueAt('closed', 'normal', at)).toBeNull();
    const end = new Date('2026-11-02T00:00:00Z');
    expect(slaDueAt('accepted', 'normal', at, end)).toEqual(end);
  });
});
