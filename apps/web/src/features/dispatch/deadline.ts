import type { DemandUrgency } from '@duodi/contracts';

export type DeadlineTone = 'ok' | 'soon' | 'overdue' | 'none';

const HOUR = 3_600_000;
/** Time left below which a deadline turns amber: 6 h for a normal demand, 1 h for an urgent one (steps are 24 h / 2 h). */
export const SOON_MS: Record<DemandUrgency, number> = { normal: 6 * HOUR, urgent: HOUR };

/**
 * The deadline cue of a demand (DR-14): red when past its SLA (or flagged overdue by the server), amber when little
 * time is left, green otherwise; `none` when the step has no deadline (closed, rejected, cancelled).
 */
export function deadlineTone(slaDueAt: string | null, overdue: boolean, urgency: DemandUrgency, now: number): DeadlineTone {
  if (overdue) return 'overdue';
  if (!slaDueAt) return 'none';
  const left = Date.parse(slaDueAt) - now;
  if (Number.isNaN(left)) return 'none';
  if (left < 0) return 'overdue';
  return left <= SOON_MS[urgency] ? 'soon' : 'ok';
}

/** Whole hours and minutes between two instants, for "2 h 5 min left" / "overdue by …"; `days` from two days on. */
export function spanParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const hours = Math.floor(total / 60);
  if (hours >= 48) return { days: Math.floor(hours / 24), hours: hours % 24, minutes: total % 60 };
  return { days: 0, hours, minutes: total % 60 };
}
