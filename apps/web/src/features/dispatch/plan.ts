import type { Candidate } from './api/demands';
import type { PlanAssignment, SuggestResult } from './api/plans';

/** The cost of an open slot in a suggestion (modules/demands/dispatch.service.ts OPEN_SLOT_COST). */
export const OPEN_SLOT_COST = 100;

/** One demand of a suggestion as the leader edits it. */
export type PlanRow = {
  demandId: string;
  /** Slots the demand had open when suggested (volunteers suggested + left open). */
  slots: number;
  teamId: string | undefined;
  volunteers: Candidate[];
  dropped: boolean;
};

export function rowsFromSuggestion(result: SuggestResult, teamOf: (demandId: string) => string | null | undefined): PlanRow[] {
  return result.items.map((item) => ({
    demandId: item.demandId,
    slots: item.volunteers.length + item.unfilled,
    teamId: teamOf(item.demandId) ?? undefined,
    volunteers: item.volunteers,
    dropped: false,
  }));
}

/** Σ (100 − score) + 100 per open slot: the measure of the suggestion's totalCost and greedyCost. */
export function rowCost(row: Pick<PlanRow, 'slots' | 'volunteers'>): number {
  const served = row.volunteers.reduce((sum, v) => sum + (100 - v.score), 0);
  return served + OPEN_SLOT_COST * Math.max(0, row.slots - row.volunteers.length);
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The edited plan's cost over the demands it keeps (a dropped demand counts as all its slots open, as the suggestion measures). */
export function planCost(rows: readonly PlanRow[]): number {
  return round2(rows.reduce((sum, row) => sum + (row.dropped ? OPEN_SLOT_COST * row.slots : rowCost(row)), 0));
}

export function replaceVolunteer(row: PlanRow, oldId: string, next: Candidate): PlanRow {
  if (row.volunteers.some((v) => v.volunteerId === next.volunteerId)) return row;
  return { ...row, volunteers: row.volunteers.map((v) => (v.volunteerId === oldId ? next : v)) };
}

export function addVolunteer(row: PlanRow, next: Candidate): PlanRow {
  if (row.volunteers.length >= row.slots || row.volunteers.some((v) => v.volunteerId === next.volunteerId)) return row;
  return { ...row, volunteers: [...row.volunteers, next] };
}

export function removeVolunteer(row: PlanRow, id: string): PlanRow {
  return { ...row, volunteers: row.volunteers.filter((v) => v.volunteerId !== id) };
}

/** The assignments to send: kept rows in order, each with its team; rows without a team are returned as missing. */
export function assignmentsOf(rows: readonly PlanRow[]): { assignments: PlanAssignment[]; missingTeam: string[] } {
  const assignments: PlanAssignment[] = [];
  const missingTeam: string[] = [];
  for (const row of rows) {
    if (row.dropped) continue;
    if (!row.teamId) {
      missingTeam.push(row.demandId);
      continue;
    }
    assignments.push({ demandId: row.demandId, teamId: row.teamId, volunteerIds: row.volunteers.map((v) => v.volunteerId) });
  }
  return { assignments, missingTeam };
}

/** Field problems of a refused plan (`assignments.3.volunteerIds` …) per demand id of the assignments sent. */
export function conflictsByDemand(
  errors: readonly { field: string; message: string }[],
  sent: readonly PlanAssignment[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const error of errors) {
    const match = /^assignments\.(\d+)/.exec(error.field);
    const demandId = match ? sent[Number(match[1])]?.demandId : undefined;
    if (!demandId) continue;
    out.set(demandId, [...(out.get(demandId) ?? []), error.message]);
  }
  return out;
}
