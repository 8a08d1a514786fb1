import { ACTIVITY_RECRUITING_EDITABLE, type Activity, type ActivityUpdate } from '@duodi/contracts';
import { requireActor, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import * as repo from './activities.repository.js';
import { assertOrganizer } from './activities.policy.js';
import { notify } from '../notifications/index.js';
import { getActivityAnswer, streetTime, visibleActivity } from './activities.service.js';
import { promoteWaitlist } from './signups.service.js';

const MAX_WINDOW_MS = 24 * 3_600_000;
type Field = Exclude<keyof ActivityUpdate, 'version'>;

/** The row's value of an update field, to compare and to write to the audit log. */
function currentValue(a: repo.ActivityRow, field: Field): unknown {
  switch (field) {
    case 'place':
      return { name: a.placeName, lat: a.lat, lng: a.lng, radiusM: a.radiusM };
    case 'startsAt':
    case 'endsAt':
      return a[field].toISOString();
    default:
      return a[field];
  }
}

/**
 * The organizer (leader of the activity's team, admin of its community) edits an activity. In
 * draft every field but the team and the series; while recruiting only the description, the place,
 * the risk notice and a larger headcount (volunteers signed up for what was published); in any other
 * status nothing (409 invalid_transition; one under review goes back to draft by reject first).
 * A larger headcount promotes the waitlist; a new place or risk notice is told to those signed up. Compare and set on `version` (409 conflict when another
 * change came first); writes an `edit` history row and an audit row with the old and new values.
 * @throws unauthenticated | not_found | forbidden | invalid_transition | conflict | validation_failed
 */
export async function editActivity(deps: Deps, actorOrNone: Actor | undefined, id: string, input: ActivityUpdate): Promise<Activity> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const { activity, rel } = await visibleActivity(tx, actor, actor.streetId, id, true);
    assertOrganizer(rel);
    if (activity.status !== 'draft' && activity.status !== 'recruiting')
      throw new AppError('invalid_transition', { from: activity.status, action: 'edit' });
    if (input.version !== activity.version) throw new AppError('conflict', { reason: 'version_changed' });

    const fields = (Object.keys(input) as (keyof ActivityUpdate)[]).filter((k): k is Field => k !== 'version' && input[k] !== undefined);
    const errors: FieldProblem[] = [];
    if (activity.status === 'recruiting') {
      const allowed: readonly string[] = ACTIVITY_RECRUITING_EDITABLE;
      for (const f of fields) if (!allowed.includes(f)) errors.push({ field: f, key: 'activity_locked_when_recruiting' });
      if (input.headcount !== undefined && input.headcount < activity.headcount)
        errors.push({ field: 'headcount', key: 'activity_headcount_only_up' });
    }
    const startsAt = input.startsAt ? new Date(input.startsAt) : activity.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : activity.endsAt;
    if (startsAt >= endsAt) errors.push({ field: 'endsAt', key: 'from_before_to' });
    else if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) errors.push({ field: 'endsAt', key: 'too_big' });
    const minAge = input.minAge !== undefined ? input.minAge : activity.minAge;
    const maxAge = input.maxAge !== undefined ? input.maxAge : activity.maxAge;
    if (minAge !== null && maxAge !== null && minAge > maxAge) errors.push({ field: 'maxAge', key: 'from_before_to' });
    if (input.serviceItemId && !(await repo.findServiceItem(tx, actor.streetId, input.serviceItemId)))
      errors.push({ field: 'serviceItemId', key: 'unknown_reference' });
    if (errors.length) throw new AppError('validation_failed', {}, { fields: errors });

    const set: Partial<repo.ActivityInsert> = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.titleBo !== undefined) set.titleBo = input.titleBo;
    if (input.description !== undefined) set.description = input.description;
    if (input.category !== undefined) set.category = input.category;
    if (input.serviceItemId !== undefined) set.serviceItemId = input.serviceItemId;
    if (input.riskNotice !== undefined) set.riskNotice = input.riskNotice;
    if (input.needsInsurance !== undefined) set.needsInsurance = input.needsInsurance;
    if (input.targetGroups !== undefined) set.targetGroups = input.targetGroups;
    if (input.place !== undefined) {
      set.placeName = input.place.name;
      set.lat = input.place.lat;
      set.lng = input.place.lng;
      set.radiusM = input.place.radiusM;
    }
    if (input.headcount !== undefined) set.headcount = input.headcount;
    if (input.minAge !== undefined) set.minAge = input.minAge;
    if (input.maxAge !== undefined) set.maxAge = input.maxAge;
    if (input.minorsAllowed !== undefined) set.minorsAllowed = input.minorsAllowed;
    if (input.skills !== undefined) set.skills = input.skills;
    if (input.signInMethods !== undefined) set.signInMethods = input.signInMethods;
    if (input.startsAt !== undefined || input.endsAt !== undefined) {
      set.startsAt = startsAt;
      set.endsAt = endsAt;
    }
    const windowMinutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
    const oldWindow = Math.round((activity.endsAt.getTime() - activity.startsAt.getTime()) / 60_000);
    if (input.maxCreditableMinutes !== undefined) set.maxCreditableMinutes = input.maxCreditableMinutes;
    else if (windowMinutes !== oldWindow && activity.maxCreditableMinutes === oldWindow)
      // The cap was the default (the window): it follows the new window.
      set.maxCreditableMinutes = Math.min(windowMinutes, 1440);

    const changed = fields.filter((f) => JSON.stringify(currentValue(activity, f)) !== JSON.stringify(input[f]));
    const updated = await repo.updateActivity(tx, {
      id: activity.id,
      fromStatus: activity.status,
      fromVersion: activity.version,
      set,
      now,
    });
    if (!updated) throw new AppError('conflict', { reason: 'status_changed' });
    await repo.insertHistory(tx, [
      {
        streetId: updated.streetId,
        activityId: updated.id,
        action: 'edit',
        fromStatus: activity.status,
        toStatus: updated.status,
        at: now,
        byAccountId: actor.accountId,
        note: changed.length ? changed.join(', ') : null,
      },
    ]);
    await appendAudit(tx, {
      streetId: updated.streetId,
      actorAccountId: actor.accountId,
      action: 'activity.edit',
      entityType: 'activity',
      entityId: updated.id,
      oldValue: Object.fromEntries(changed.map((f) => [f, currentValue(activity, f)])),
      newValue: Object.fromEntries(changed.map((f) => [f, currentValue(updated, f)])),
    });
    if (updated.status === 'recruiting' && updated.headcount > activity.headcount) await promoteWaitlist(tx, updated, now);
    if (updated.status === 'recruiting' && (changed.includes('place') || changed.includes('riskNotice'))) {
      // Those signed up agreed to the published place and risk notice: they are told what changed.
      const live = await repo.liveSignups(tx, updated.id);
      await notify(tx, {
        streetId: updated.streetId,
        recipientAccountIds: await repo.accountIdsOfVolunteers(
          tx,
          live.map((l) => l.volunteerId),
        ),
        kind: 'activity.changed',
        params: { title: updated.title, 'title.bo': updated.titleBo, when: streetTime(updated.startsAt), place: updated.placeName },
        link: `/activities/${updated.id}`,
        refType: 'activity',
        refId: updated.id,
      });
    }
    return getActivityAnswer(tx, actor, updated);
  });
}
