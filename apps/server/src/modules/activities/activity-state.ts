import type { ActivityAction, ActivityStatus } from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';

/**
 * The activity lifecycle (DOMAIN.md §9): 草稿 draft → 待审核 pending_review → 招募中 recruiting →
 * 进行中 in_progress → 已结束 ended → 已归档 archived; or 已取消 cancelled before it ends.
 * `reject` sends a submitted activity back to draft with a reason.
 */
export const ACTIVITY_TRANSITIONS: Record<ActivityAction, { from: readonly ActivityStatus[]; to: ActivityStatus }> = {
  submit: { from: ['draft'], to: 'pending_review' },
  reject: { from: ['pending_review'], to: 'draft' },
  approve: { from: ['pending_review'], to: 'recruiting' },
  start: { from: ['recruiting'], to: 'in_progress' },
  end: { from: ['in_progress'], to: 'ended' },
  cancel: { from: ['draft', 'pending_review', 'recruiting', 'in_progress'], to: 'cancelled' },
  archive: { from: ['ended'], to: 'archived' },
};

/** Who may take a step: the organizer (leader of the activity's team, admin of its community) or a reviewer. */
export type ActivityRelation = 'organizer' | 'reviewer';
export const ACTIVITY_ACTION_RELATIONS: Record<ActivityAction, readonly ActivityRelation[]> = {
  submit: ['organizer'],
  reject: ['reviewer'],
  approve: ['reviewer'],
  start: ['organizer'],
  end: ['organizer'],
  cancel: ['organizer', 'reviewer'],
  archive: ['organizer', 'reviewer'],
};

/** @throws invalid_transition */
export function nextActivityStatus(from: ActivityStatus, action: ActivityAction): ActivityStatus {
  const t = ACTIVITY_TRANSITIONS[action];
  if (!t.from.includes(from)) throw new AppError('invalid_transition', { from, action });
  return t.to;
}

/** Statuses the public and every volunteer can see; the others only the organizer and reviewers. */
export const PUBLIC_STATUSES: readonly ActivityStatus[] = ['recruiting', 'in_progress', 'ended', 'archived', 'cancelled'];
/** Statuses in which volunteers may sign up or cancel a sign-up. */
export const SIGNUP_OPEN: readonly ActivityStatus[] = ['recruiting', 'in_progress'];
