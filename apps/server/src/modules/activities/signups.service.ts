import { type z } from 'zod';
import { type RosterSchema, type SignupResult } from '@duodi/contracts';
import { requireActor, type Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { SIGNUP_OPEN } from './activity-state.js';
import { ageOn } from './check-in-token.js';
import * as repo from './activities.repository.js';
import { assertOrganizer } from './activities.policy.js';
import { presentRosterItem } from './activities.presenter.js';
import { newId, streetDate, streetTime, visibleActivity } from './activities.service.js';

/** The caller's active volunteer record (403 for someone who is not a volunteer). */
export async function volunteerOf(tx: Tx, actor: Actor) {
  const v = await repo.volunteerOfPerson(tx, actor.personId);
  if (!v || v.status !== 'active') throw new AppError('forbidden');
  return v;
}

/** Why a volunteer may not join (DR-02 minors, age range, skills), or null when eligible. */
export function ineligibility(
  activity: Pick<repo.ActivityRow, 'startsAt' | 'minAge' | 'maxAge' | 'minorsAllowed' | 'skills'>,
  v: { birthDate: string | null; birthYear: number | null; skills: string[] },
): 'minor' | 'age' | 'skills' | null {
  const age = ageOn(activity.startsAt, v.birthDate, v.birthYear);
  if (age !== null && age < 18 && !activity.minorsAllowed) return 'minor';
  if ((activity.minAge !== null || activity.maxAge !== null) && age === null) return 'age';
  if (age !== null && ((activity.minAge !== null && age < activity.minAge) || (activity.maxAge !== null && age > activity.maxAge)))
    return 'age';
  if (activity.skills.some((s) => !v.skills.includes(s))) return 'skills';
  return null;
}

/**
 * Signs the caller up: confirmed while places are left, else waitlisted with a position. The
 * activity row is locked so two sign-ups for the last place cannot both be confirmed; the
 * volunteer row is locked so two overlapping sign-ups cannot both pass the overlap check.
 * @throws unauthenticated | forbidden | not_found | invalid_transition | conflict | overlapping_signup | not_eligible
 */
export async function signUp(deps: Deps, actorOrNone: Actor | undefined, activityId: string): Promise<SignupResult> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const { activity } = await visibleActivity(tx, actor, actor.streetId, activityId, true);
    const v = await volunteerOf(tx, actor);
    if (!SIGNUP_OPEN.includes(activity.status) || activity.endsAt <= now)
      throw new AppError('invalid_transition', { from: activity.status, action: 'signup' });
    await repo.lockVolunteer(tx, v.id);
    const existing = await repo.findSignup(tx, activity.id, v.id, true);
    if (existing && existing.status !== 'cancelled') throw new AppError('conflict', { reason: 'already_signed_up' });
    const why = ineligibility(activity, v);
    if (why) throw new AppError('not_eligible', { reason: why });
    const overlap = await repo.overlappingSignup(tx, v.id, activity.id, activity.startsAt, activity.endsAt);
    if (overlap) throw new AppError('overlapping_signup', { activityId: overlap.activityId, title: overlap.title });
    const counts = (await repo.signupCounts(tx, [activity.id])).get(activity.id) ?? { confirmed: 0, waitlisted: 0 };
    const status = counts.confirmed < activity.headcount ? ('confirmed' as const) : ('waitlisted' as const);
    const fields = {
      status,
      signedUpAt: now,
      promotedAt: null,
      cancelledAt: null,
      remindedAt: null,
      checkinAt: null,
      checkinMethod: null,
      checkinGeo: null,
      checkoutAt: null,
      checkoutMethod: null,
      checkoutGeo: null,
      autoClosed: false,
      flagged: false,
      creditedMinutes: null,
      serviceRecordId: null,
      noShowByAccountId: null,
    };
    const signup = existing
      ? await repo.updateSignup(tx, existing.id, existing.version, fields)
      : await repo.insertSignup(tx, {
          id: newId('asu'),
          streetId: activity.streetId,
          activityId: activity.id,
          volunteerId: v.id,
          ...fields,
        });
    if (!signup) throw new AppError('conflict', { reason: 'status_changed' });
    if (status === 'confirmed') return { status };
    return { status, position: await repo.waitlistPosition(tx, signup) };
  });
}

/**
 * Cancels the caller's sign-up; a freed place goes to the first of the waitlist (in sign-up
 * order), who is told.
 * @throws unauthenticated | forbidden | not_found | not_signed_up | already_checked_in | invalid_transition
 */
export async function cancelSignup(deps: Deps, actorOrNone: Actor | undefined, activityId: string): Promise<void> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  await withTransaction(deps.db, async (tx) => {
    const { activity } = await visibleActivity(tx, actor, actor.streetId, activityId, true);
    const v = await volunteerOf(tx, actor);
    const signup = await repo.findSignup(tx, activity.id, v.id, true);
    if (!signup || (signup.status !== 'confirmed' && signup.status !== 'waitlisted')) throw new AppError('not_signed_up');
    if (signup.checkinAt) throw new AppError('already_checked_in');
    if (!SIGNUP_OPEN.includes(activity.status))
      throw new AppError('invalid_transition', { from: activity.status, action: 'cancel_signup' });
    const row = await repo.updateSignup(tx, signup.id, signup.version, { status: 'cancelled', cancelledAt: now });
    if (!row) throw new AppError('conflict', { reason: 'status_changed' });
    if (signup.status === 'confirmed') await promoteWaitlist(tx, activity, now);
  });
}

/** Fills free places from the waitlist in sign-up order and tells those promoted. */
export async function promoteWaitlist(tx: Tx, activity: repo.ActivityRow, now: Date): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const counts = (await repo.signupCounts(tx, [activity.id])).get(activity.id) ?? { confirmed: 0, waitlisted: 0 };
    if (counts.confirmed >= activity.headcount) break;
    const next = await repo.firstWaitlisted(tx, activity.id);
    if (!next) break;
    const row = await repo.updateSignup(tx, next.id, next.version, { status: 'confirmed', promotedAt: now });
    if (!row) throw new AppError('conflict', { reason: 'status_changed' });
    promoted.push(next.volunteerId);
  }
  if (promoted.length) {
    await notify(tx, {
      streetId: activity.streetId,
      recipientAccountIds: await repo.accountIdsOfVolunteers(tx, promoted),
      kind: 'activity.promoted',
      params: { title: activity.title, 'title.bo': activity.titleBo, when: streetTime(activity.startsAt), place: activity.placeName },
      link: `/activities/${activity.id}`,
      refType: 'activity',
      refId: activity.id,
    });
  }
  return promoted;
}

/**
 * The organizer marks a confirmed volunteer who did not come (no check-in) as a no-show, once
 * the activity is under way or over.
 * @throws unauthenticated | not_found | forbidden | invalid_transition | not_signed_up | already_checked_in
 */
export async function markNoShow(deps: Deps, actorOrNone: Actor | undefined, activityId: string, volunteerId: string): Promise<void> {
  const actor = requireActor(actorOrNone);
  await withTransaction(deps.db, async (tx) => {
    const { activity, rel } = await visibleActivity(tx, actor, actor.streetId, activityId, true);
    assertOrganizer(rel);
    if (activity.status !== 'in_progress' && activity.status !== 'ended')
      throw new AppError('invalid_transition', { from: activity.status, action: 'no_show' });
    const signup = await repo.findSignup(tx, activity.id, volunteerId, true);
    if (!signup || signup.status !== 'confirmed') throw new AppError('not_signed_up');
    if (signup.checkinAt) throw new AppError('already_checked_in');
    const row = await repo.updateSignup(tx, signup.id, signup.version, { status: 'no_show', noShowByAccountId: actor.accountId });
    if (!row) throw new AppError('conflict', { reason: 'status_changed' });
  });
}

/**
 * The organizer's roster with live check-in state; reviewers see it too.
 * @throws unauthenticated | not_found | forbidden
 */
export async function getRoster(deps: Deps, actorOrNone: Actor | undefined, activityId: string): Promise<z.infer<typeof RosterSchema>> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const { activity, rel } = await visibleActivity(tx, actor, actor.streetId, activityId);
    assertOrganizer(rel, true);
    const rows = await repo.roster(tx, activity.id);
    const insured = activity.needsInsurance
      ? await repo.insuredVolunteers(
          tx,
          rows.map((r) => r.signup.volunteerId),
          streetDate(activity.startsAt),
          streetDate(activity.endsAt),
        )
      : null;
    const waitlist = rows
      .filter((r) => r.signup.status === 'waitlisted')
      .sort((a, b) => a.signup.signedUpAt.getTime() - b.signup.signedUpAt.getTime() || a.signup.id.localeCompare(b.signup.id));
    const order = { confirmed: 0, waitlisted: 1, no_show: 2, cancelled: 3 } as const;
    const items = [...rows]
      .sort((a, b) => order[a.signup.status] - order[b.signup.status] || a.signup.signedUpAt.getTime() - b.signup.signedUpAt.getTime())
      .map((r) => {
        const position = r.signup.status === 'waitlisted' ? waitlist.indexOf(r) + 1 : null;
        return presentRosterItem(r.signup, r.name, r.phoneMasked, position, insured ? insured.has(r.signup.volunteerId) : true);
      });
    return {
      items,
      nextCursor: null,
      confirmed: items.filter((i) => i.status === 'confirmed').length,
      waitlisted: waitlist.length,
      checkedIn: items.filter((i) => i.checkedInAt !== null).length,
      checkedOut: items.filter((i) => i.checkedOutAt !== null).length,
    };
  });
}
