import type { DemandStatus, DemandUrgency, Role } from '@duodi/contracts';

/*
 * Values of the demands contract (packages/contracts/src/demands.ts builds zod schemas, so importing a
 * value from it would bring zod into the page): own copies, checked equal to the contracts' in
 * console/__tests__/dispatch-values.test.ts.
 */
export const DEMAND_STATUS_VALUES = [
  'submitted',
  'published',
  'assigned',
  'accepted',
  'in_service',
  'completed',
  'rated',
  'closed',
  'rejected',
  'cancelled',
] as const satisfies readonly DemandStatus[];

export const DEMAND_URGENCY_VALUES = ['normal', 'urgent'] as const satisfies readonly DemandUrgency[];

/** Statuses in which a demand may still be cancelled (API.md: before in_service). */
export const CANCELLABLE: readonly DemandStatus[] = ['submitted', 'published', 'assigned', 'accepted'];

/** The six reasons of a candidate's score (GET /demands/{id}/candidates), in the order they are explained. */
export const CANDIDATE_REASONS = ['skills', 'language', 'distance', 'availability', 'workload', 'reliability'] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

/** Columns of the dispatch board (派单看板): the open steps, completed and rated sharing the last one. */
export const BOARD_COLUMNS = [
  { key: 'submitted', statuses: ['submitted'] },
  { key: 'published', statuses: ['published'] },
  { key: 'assigned', statuses: ['assigned'] },
  { key: 'accepted', statuses: ['accepted'] },
  { key: 'in_service', statuses: ['in_service'] },
  { key: 'completed', statuses: ['completed', 'rated'] },
] as const satisfies readonly { key: string; statuses: readonly DemandStatus[] }[];
export type BoardColumnKey = (typeof BOARD_COLUMNS)[number]['key'];

/** Who sees the dispatch screens in the console (the server decides each call). */
export const DISPATCH_ROLES: readonly Role[] = ['street_admin', 'community_admin', 'grid_worker', 'team_leader'];
