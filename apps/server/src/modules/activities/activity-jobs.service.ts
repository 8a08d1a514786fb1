import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { notify } from '../notifications/index.js';
import * as repo from './activities.repository.js';
import { closeOpenSessions, streetTime } from './activities.service.js';

/** Reminders go out this long before the start. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;
/** An activity still in progress this long after its end is ended by the job. */
export const AUTO_END_AFTER_MS = 60 * 60_000;
const BATCH = 200;

/**
 * Tells each confirmed volunteer once, within 24 h before the start, where and when the activity
 * is (notification kind activity.reminder). Each reminder is its own short transaction.
 */
export async function sendActivityReminders(deps: Pick<Deps, 'db'>, now: Date): Promise<number> {
  const due = await withTransaction(deps.db, (tx) => repo.dueReminders(tx, now, new Date(now.getTime() + REMINDER_LEAD_MS), BATCH));
  let sent = 0;
  for (const r of due) {
    await withTransaction(deps.db, async (tx) => {
      if (!(await repo.markReminded(tx, r.signupId, r.signupVersion, now))) return;
      await notify(tx, {
        streetId: r.activity.streetId,
        recipientAccountIds: [r.accountId],
        kind: 'activity.reminder',
        params: {
          title: r.activity.title,
          'title.bo': r.activity.titleBo,
          when: streetTime(r.activity.startsAt),
          place: r.activity.placeName,
        },
        link: `/activities/${r.activity.id}`,
        refType: 'activity',
        refId: r.activity.id,
      });
      sent++;
    });
  }
  return sent;
}

/**
 * DR-05: activities left in progress an hour after their end are ended, and their sessions
 * without a check-out closed at the end and flagged (history note `auto`).
 */
export async function endOverdueActivities(deps: Pick<Deps, 'db'>, now: Date): Promise<number> {
  const overdue = await withTransaction(deps.db, (tx) => repo.overdueInProgress(tx, new Date(now.getTime() - AUTO_END_AFTER_MS), BATCH));
  let ended = 0;
  for (const o of overdue) {
    await withTransaction(deps.db, async (tx) => {
      const activity = await repo.findActivity(tx, o.streetId, o.id, true);
      if (!activity || activity.status !== 'in_progress') return;
      const row = await repo.updateActivity(tx, {
        id: activity.id,
        fromStatus: 'in_progress',
        fromVersion: activity.version,
        set: { status: 'ended' },
        now,
      });
      if (!row) return;
      await repo.insertHistory(tx, [
        {
          streetId: row.streetId,
          activityId: row.id,
          action: 'end',
          fromStatus: 'in_progress',
          toStatus: 'ended',
          at: now,
          byAccountId: null,
          note: 'auto',
        },
      ]);
      await closeOpenSessions(tx, row, now, null);
      ended++;
    });
  }
  return ended;
}
