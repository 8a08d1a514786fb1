import crypto from 'node:crypto';
import { and, or } from 'drizzle-orm';
import type { Activity, ActivityAction, ActivityCreate, ActivityListItem, ActivityQuery } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { notify } from '../notifications/index.js';
import { PUBLIC_STATUSES, nextActivityStatus } from './activity-state.js';
import { creditedMinutes } from './check-in-token.js';
import * as repo from './activities.repository.js';
import { assertMayTake, canSee, relationsTo } from './activities.policy.js';
import { presentActivity, presentActivityListItem, presentMySignup } from './activities.presenter.js';

export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** Lhasa calendar date (UTC+8) of an instant, YYYY-MM-DD. */
export const streetDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Lhasa local "MM-DD HH:mm" for notification texts. */
export const streetTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

/** The same wall-clock time `months` later in Lhasa, clamped to the last day of a shorter month. */
export function addMonths(d: Date, months: number): Date {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = new Date(
    Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()),
  );
  return new Date(shifted.getTime() - 8 * 3_600_000);
}

/** An activity the caller may see, with how they stand to it (404 otherwise). */
export async function visibleActivity(tx: Tx, actor: Actor | undefined, streetId: string, id: string, lock = false) {
  const activity = await repo.findActivity(tx, streetId, id, lock);
  if (!activity) throw new AppError('not_found');
  const rel = relationsTo(actor, activity);
  if (!canSee(activity, rel)) throw new AppError('not_found');
  return { activity, rel };
}

/** The detail answer of an activity for the caller (also after an edit). */
export const getActivityAnswer = (tx: Tx, actor: Actor | undefined, activity: repo.ActivityRow) => answer(tx, actor, activity);

async function answer(tx: Tx, actor: Actor | undefined, activity: repo.ActivityRow): Promise<Activity> {
  const rel = relationsTo(actor, activity);
  const [counts, history, volunteer] = await Promise.all([
    repo.signupCounts(tx, [activity.id]),
    rel.size > 0 ? repo.historyOf(tx, activity.id) : Promise.resolve([]),
    actor ? repo.volunteerOfPerson(tx, actor.personId) : Promise.resolve(undefined),
  ]);
  const signup = volunteer ? await repo.findSignup(tx, activity.id, volunteer.id) : undefined;
  const position = signup?.status === 'waitlisted' ? await repo.waitlistPosition(tx, signup) : null;
  return presentActivity(activity, counts.get(activity.id), history, {
    canManage: rel.has('organizer'),
    canReview: rel.has('reviewer'),
    mySignup: presentMySignup(signup, position),
  });
}

/**
 * One activity with the caller's sign-up; the history for its organizers and reviewers.
 * @throws not_found
 */
export async function getActivity(deps: Deps, actor: Actor | undefined, id: string): Promise<Activity> {
  return withTransaction(deps.db, async (tx) => {
    const streetId = actor?.streetId ?? (await defaultStreet(tx));
    const { activity } = await visibleActivity(tx, actor, streetId, id);
    return answer(tx, actor, activity);
  });
}

/** The street of a signed-out caller (one street per deployment). */
async function defaultStreet(tx: Tx): Promise<string> {
  const id = await repo.defaultStreetId(tx);
  if (!id) throw new AppError('not_found');
  return id;
}

/**
 * Activities newest first: everyone (also signed out) sees the published ones (recruiting and
 * later); organizers and reviewers also their drafts and those under review. `mine=true`: the
 * caller's sign-ups.
 * @throws validation_failed
 */
export async function listActivities(
  deps: Deps,
  actor: Actor | undefined,
  query: ActivityQuery,
): Promise<{ items: ActivityListItem[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  return withTransaction(deps.db, async (tx) => {
    const streetId = actor?.streetId ?? (await defaultStreet(tx));
    let volunteerId: string | undefined;
    if (query.mine === 'true') {
      const v = actor ? await repo.volunteerOfPerson(tx, requireActor(actor).personId) : undefined;
      if (!actor) throw new AppError('unauthenticated');
      volunteerId = v?.id ?? 'none';
    }
    const visibility =
      actor && hasRole(actor, 'street_admin')
        ? undefined
        : or(
            repo.visibility.statuses(PUBLIC_STATUSES),
            actor ? repo.visibility.communities(scopeIdsOf(actor, 'community_admin')) : undefined,
            actor ? repo.visibility.teams(scopeIdsOf(actor, 'team_leader')) : undefined,
          );
    const rows = await repo.listActivities(tx, {
      streetId,
      visibility: visibility ? and(visibility) : undefined,
      status: query.status,
      communityId: query.communityId,
      teamId: query.teamId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      volunteerId,
      after,
      limit: query.limit,
    });
    const page = pageFrom(rows, query.limit, (r) => [r.startsAt.toISOString(), r.id]);
    const counts = await repo.signupCounts(
      tx,
      page.items.map((r) => r.id),
    );
    // my activities: each row carries the caller's sign-up with its waitlist position.
    const mine = volunteerId
      ? await repo.signupsWithPositions(
          tx,
          volunteerId,
          page.items.map((r) => r.id),
        )
      : undefined;
    return {
      items: page.items.map((r) => {
        const item = presentActivityListItem(r, counts.get(r.id));
        if (!mine) return item;
        const s = mine.get(r.id);
        return { ...item, mySignup: presentMySignup(s?.signup, s?.position ?? null) };
      }),
      nextCursor: page.nextCursor,
    };
  });
}

/**
 * Creates an activity as a draft: a team leader for their team, a community admin for their
 * community (optionally naming one of its teams). A recurring one is a series: one draft per
 * occurrence (weekly: every 7 days; monthly: the same day of the month, clamped), all returned
 * through the first.
 * @throws unauthenticated | forbidden | validation_failed
 */
export async function createActivity(deps: Deps, actorOrNone: Actor | undefined, input: ActivityCreate): Promise<Activity> {
  const actor = requireActor(actorOrNone);
  const leads = scopeIdsOf(actor, 'team_leader');
  const admins = scopeIdsOf(actor, 'community_admin');
  if (!leads.length && !admins.length) throw new AppError('forbidden');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    let teamId: string | null = null;
    let communityId: string | null;
    if (input.teamId) {
      const team = await repo.findTeam(tx, actor.streetId, input.teamId);
      if (!team) throw new AppError('validation_failed', {}, { fields: [{ field: 'teamId', key: 'unknown_reference' }] });
      const mayOrganize = leads.includes(team.id) || (team.communityId !== null && admins.includes(team.communityId));
      if (!mayOrganize) throw new AppError('forbidden');
      teamId = team.id;
      communityId = team.communityId;
    } else if (admins.length === 1 || (admins.length > 1 && !leads.length)) {
      communityId = admins[0]!;
    } else {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'teamId', key: 'required' }] });
    }
    if (input.serviceItemId && !(await repo.findServiceItem(tx, actor.streetId, input.serviceItemId))) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'serviceItemId', key: 'unknown_reference' }] });
    }
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const windowMinutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
    const count = input.recurrence?.count ?? 1;
    const seriesId = input.recurrence ? newId('ser') : null;
    const rows: repo.ActivityInsert[] = [];
    for (let i = 0; i < count; i++) {
      const start = input.recurrence?.freq === 'monthly' ? addMonths(startsAt, i) : new Date(startsAt.getTime() + i * 7 * 86_400_000);
      rows.push({
        id: newId('act'),
        streetId: actor.streetId,
        communityId,
        teamId,
        seriesId,
        seriesIndex: i,
        recurrence: input.recurrence?.freq ?? null,
        title: input.title,
        titleBo: input.titleBo,
        description: input.description ?? '',
        category: input.category,
        serviceItemId: input.serviceItemId ?? null,
        responsiblePersonId: actor.personId,
        riskNotice: input.riskNotice,
        needsInsurance: input.needsInsurance,
        targetGroups: input.targetGroups,
        placeName: input.place.name,
        lat: input.place.lat,
        lng: input.place.lng,
        radiusM: input.place.radiusM,
        startsAt: start,
        endsAt: new Date(start.getTime() + (endsAt.getTime() - startsAt.getTime())),
        headcount: input.headcount,
        minAge: input.minAge ?? null,
        maxAge: input.maxAge ?? null,
        minorsAllowed: input.minorsAllowed,
        skills: input.skills,
        signInMethods: input.signInMethods,
        maxCreditableMinutes: Math.min(input.maxCreditableMinutes ?? windowMinutes, 1440),
        status: 'draft',
        createdByAccountId: actor.accountId,
        createdAt: now,
        updatedAt: now,
      });
    }
    const created = await repo.insertActivities(tx, rows);
    await repo.insertHistory(
      tx,
      created.map((a) => ({
        streetId: a.streetId,
        activityId: a.id,
        action: 'create',
        fromStatus: null,
        toStatus: 'draft' as const,
        at: now,
        byAccountId: actor.accountId,
        note: null,
      })),
    );
    const first = created.find((a) => a.seriesIndex === 0) ?? created[0]!;
    return answer(tx, actor, first);
  });
}

export interface TransitionInput {
  action: ActivityAction;
  reason?: string | undefined;
  note?: string | undefined;
}

/**
 * One lifecycle step with compare and set and a history row. submit and approve of a series move
 * its other occurrences in the same status too. start of an activity that needs insurance is
 * refused while a confirmed volunteer has no insurance covering its dates (DR-15). end closes the
 * sessions still open (flagged). cancel tells the signed-up volunteers.
 * @throws unauthenticated | not_found | forbidden | invalid_transition | conflict | insurance_missing
 */
export async function transitionActivity(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: TransitionInput,
): Promise<Activity> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const { activity, rel } = await visibleActivity(tx, actor, actor.streetId, id);
    assertMayTake(input.action, rel);
    const to = nextActivityStatus(activity.status, input.action);
    if (input.action === 'start' && activity.needsInsurance) await assertInsured(tx, activity);
    const set: Partial<repo.ActivityInsert> = { status: to };
    if (input.action === 'cancel') set.cancelReason = input.reason ?? null;
    if (input.action === 'reject') set.rejectReason = input.reason ?? null;
    if (input.action === 'approve') set.rejectReason = null;
    const targets = [activity];
    if ((input.action === 'submit' || input.action === 'approve') && activity.seriesId) {
      targets.push(...(await repo.seriesSiblings(tx, activity.seriesId, activity.status, activity.id)));
    }
    let updated: repo.ActivityRow | undefined;
    for (const target of targets) {
      const row = await repo.updateActivity(tx, { id: target.id, fromStatus: target.status, fromVersion: target.version, set, now });
      if (!row) throw new AppError('conflict', { reason: 'status_changed' });
      if (target.id === activity.id) updated = row;
      const note = input.reason ? (input.note ? `${input.reason} — ${input.note}` : input.reason) : (input.note ?? null);
      await repo.insertHistory(tx, [
        {
          streetId: row.streetId,
          activityId: row.id,
          action: input.action,
          fromStatus: target.status,
          toStatus: to,
          at: now,
          byAccountId: actor.accountId,
          note,
        },
      ]);
    }
    if (input.action === 'end') await closeOpenSessions(tx, updated!, now, actor.accountId);
    if (input.action === 'cancel') {
      const live = await repo.liveSignups(tx, activity.id);
      await notify(tx, {
        streetId: activity.streetId,
        recipientAccountIds: await repo.accountIdsOfVolunteers(
          tx,
          live.map((s) => s.volunteerId),
        ),
        kind: 'activity.cancelled',
        params: { title: activity.title, 'title.bo': activity.titleBo, when: streetTime(activity.startsAt), reason: input.reason ?? '' },
        link: `/activities/${activity.id}`,
        refType: 'activity',
        refId: activity.id,
      });
    }
    return answer(tx, actor, updated!);
  });
}

/** DR-15: every confirmed volunteer needs an insurance record covering the activity's dates. */
async function assertInsured(tx: Tx, activity: repo.ActivityRow): Promise<void> {
  const confirmed = (await repo.liveSignups(tx, activity.id)).filter((s) => s.status === 'confirmed');
  const ids = confirmed.map((s) => s.volunteerId);
  const insured = await repo.insuredVolunteers(tx, ids, streetDate(activity.startsAt), streetDate(activity.endsAt));
  const missing = ids.filter((v) => !insured.has(v));
  if (missing.length) {
    const names = (await repo.roster(tx, activity.id)).filter((r) => missing.includes(r.signup.volunteerId)).map((r) => r.name);
    throw new AppError('insurance_missing', { count: missing.length, names: names.join('、'), volunteerIds: missing });
  }
}

/**
 * DR-05: sessions without a check-out are closed at the activity's end (or `at` if earlier),
 * flagged for review, and get their pending service record like any check-out.
 */
export async function closeOpenSessions(tx: Tx, activity: repo.ActivityRow, at: Date, actorAccountId: string | null): Promise<number> {
  const open = await repo.openSessions(tx, activity.id);
  const closeAt = new Date(Math.min(at.getTime(), activity.endsAt.getTime()));
  for (const s of open) {
    const checkout = closeAt.getTime() < s.checkinAt!.getTime() ? s.checkinAt! : closeAt;
    const minutes = creditedMinutes(s.checkinAt!, checkout, activity);
    const recordId = minutes > 0 ? newId('sr') : null;
    if (recordId) {
      await repo.insertServiceRecord(tx, {
        id: recordId,
        streetId: activity.streetId,
        volunteerId: s.volunteerId,
        activityId: activity.id,
        teamId: activity.teamId,
        communityId: activity.communityId,
        servedOn: streetDate(s.checkinAt!),
        place: activity.placeName,
        content: activity.title,
        signinAt: s.checkinAt,
        signinGeo: s.checkinGeo,
        signoutAt: checkout,
        signoutGeo: null,
        creditedMinutes: minutes,
        source: 'auto',
        status: 'pending',
        reason: 'auto_closed_no_checkout',
        createdAt: at,
      });
      await appendAudit(tx, {
        streetId: activity.streetId,
        actorAccountId,
        action: 'service_record.create_pending',
        entityType: 'service_record',
        entityId: recordId,
        newValue: { volunteerId: s.volunteerId, activityId: activity.id, minutes, autoClosed: true },
      });
    }
    const row = await repo.updateSignup(tx, s.id, s.version, {
      checkoutAt: checkout,
      checkoutMethod: 'auto',
      autoClosed: true,
      flagged: true,
      creditedMinutes: minutes,
      serviceRecordId: recordId,
    });
    if (!row) throw new AppError('conflict', { reason: 'status_changed' });
  }
  return open.length;
}
