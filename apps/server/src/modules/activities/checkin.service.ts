import crypto from 'node:crypto';
import type { CheckInBody, CheckInCode, SignInMethod } from '@duodi/contracts';
import { requireActor, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isoWithOffset } from '../../platform/http/time.js';
import {
  CHECKIN_OPENS_BEFORE_MS,
  CHECKOUT_GRACE_MS,
  CLOCK_SKEW_MS,
  OFFLINE_MAX_AGE_MS,
  creditedMinutes,
  distanceMetres,
  issueToken,
  verifyCode,
  verifyToken,
  type Mac,
} from './check-in-token.js';
import * as repo from './activities.repository.js';
import { assertOrganizer } from './activities.policy.js';
import { newId, streetDate, visibleActivity } from './activities.service.js';
import { volunteerOf } from './signups.service.js';

const macOf =
  (deps: Deps): Mac =>
  (payload) =>
    deps.crypto.blindIndex('activity_checkin', payload);

/**
 * The rotating check-in token and 6-digit code for the organizer's screen (DR-05): a new token
 * every 30 s, each accepted for at most 60 s.
 * @throws unauthenticated | not_found | forbidden | invalid_transition
 */
export async function getCheckInCode(deps: Deps, actorOrNone: Actor | undefined, activityId: string): Promise<CheckInCode> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const activity = await withTransaction(deps.db, async (tx) => {
    const { activity, rel } = await visibleActivity(tx, actor, actor.streetId, activityId);
    assertOrganizer(rel);
    return activity;
  });
  if (activity.status !== 'recruiting' && activity.status !== 'in_progress') {
    throw new AppError('invalid_transition', { from: activity.status, action: 'check_in' });
  }
  const issued = issueToken(macOf(deps), activity.id, now.getTime(), crypto.randomBytes(8).toString('hex'));
  return { token: issued.token, code: issued.code, expiresAt: isoWithOffset(issued.expiresAt), refreshAt: isoWithOffset(issued.refreshAt) };
}

type Action = 'check_in' | 'check_out';

/** Which proof the scan carries, checked at the moment of the scan; the nonce keys replay detection. */
function verifyProof(deps: Deps, activity: repo.ActivityRow, body: CheckInBody, at: Date): { method: SignInMethod; nonce: string } {
  const methods = activity.signInMethods as SignInMethod[];
  const mac = macOf(deps);
  if (body.token !== undefined) {
    if (!methods.includes('qr')) throw new AppError('validation_failed', {}, { fields: [{ field: 'token', key: 'invalid_value' }] });
    const check = verifyToken(mac, activity.id, body.token, at.getTime());
    if (!check.ok) throw new AppError(check.reason === 'invalid' ? 'token_invalid' : 'token_expired');
    return { method: 'qr', nonce: `t:${check.nonce}` };
  }
  if (body.code !== undefined) {
    if (!methods.includes('code')) throw new AppError('validation_failed', {}, { fields: [{ field: 'code', key: 'invalid_value' }] });
    const check = verifyCode(mac, activity.id, body.code, at.getTime());
    if (!check.ok) throw new AppError('token_expired');
    return { method: 'code', nonce: `c:${check.slot}` };
  }
  if (!methods.includes('gps')) throw new AppError('validation_failed', {}, { fields: [{ field: 'token', key: 'required' }] });
  return { method: 'gps', nonce: `g:${at.getTime()}` };
}

/** DR-05 GPS: inside the geofence, else 422 with the distance in metres. */
function assertInside(activity: repo.ActivityRow, lat: number, lng: number): void {
  const distance = Math.round(distanceMetres(activity.lat, activity.lng, lat, lng));
  if (distance > activity.radiusM) throw new AppError('outside_geofence', { distance, radius: activity.radiusM });
}

/**
 * The moment of the scan: now, or for a scan queued offline its device time, which must not lie
 * in the future nor more than 24 h back.
 */
function scanTime(now: Date, body: CheckInBody): { at: Date; offline: boolean } {
  if (!body.at) return { at: now, offline: false };
  const at = new Date(body.at);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at.getTime() < now.getTime() - OFFLINE_MAX_AGE_MS) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'at', key: 'invalid_value' }] });
  }
  return { at: at.getTime() > now.getTime() ? now : at, offline: true };
}

/** The checks shared by check-in and check-out, in the caller's transaction; returns what the step writes. */
async function scanInTx(deps: Deps, actorOrNone: Actor | undefined, activityId: string, body: CheckInBody, action: Action, tx: Tx) {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const { at, offline } = scanTime(now, body);
  const { activity } = await visibleActivity(tx, actor, actor.streetId, activityId);
  const v = await volunteerOf(tx, actor);
  const allowed = offline ? ['recruiting', 'in_progress', 'ended'] : ['recruiting', 'in_progress'];
  if (!allowed.includes(activity.status)) throw new AppError('invalid_transition', { from: activity.status, action });
  const opens = activity.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS;
  const closes = activity.endsAt.getTime() + (action === 'check_out' ? CHECKOUT_GRACE_MS : 0);
  if (at.getTime() < opens || at.getTime() > closes) throw new AppError('invalid_transition', { from: activity.status, action });
  const signup = await repo.findSignup(tx, activity.id, v.id, true);
  if (!signup || signup.status !== 'confirmed') throw new AppError('not_signed_up');
  if (action === 'check_in' && signup.checkinAt) throw new AppError('already_checked_in');
  if (action === 'check_out' && (!signup.checkinAt || signup.checkoutAt)) throw new AppError('not_checked_in');
  const proof = verifyProof(deps, activity, body, at);
  const geo = body.lat !== undefined && body.lng !== undefined ? `${body.lat.toFixed(6)},${body.lng.toFixed(6)}` : null;
  if (proof.method === 'gps') assertInside(activity, body.lat!, body.lng!);
  // The same token (or code slot) twice by one volunteer for one action is a replay.
  if (
    !(await repo.useToken(tx, {
      activityId: activity.id,
      volunteerId: v.id,
      action,
      nonce: proof.nonce,
      streetId: activity.streetId,
      usedAt: now,
    }))
  ) {
    throw new AppError('token_expired');
  }
  return { actor, activity, signup, at, offline, geo, method: proof.method, now };
}

/**
 * Check-in by QR token, 6-digit code or GPS inside the geofence (DR-05); GPS is stored only here
 * and at check-out (DR-21). `at` replays a scan queued offline: accepted when the token was valid then.
 * @throws unauthenticated | forbidden | not_found | validation_failed | invalid_transition | not_signed_up | already_checked_in | token_expired | token_invalid | outside_geofence
 */
export async function checkIn(deps: Deps, actor: Actor | undefined, activityId: string, body: CheckInBody): Promise<{ at: string }> {
  return withTransaction(deps.db, async (tx) => {
    const s = await scanInTx(deps, actor, activityId, body, 'check_in', tx);
    const row = await repo.updateSignup(tx, s.signup.id, s.signup.version, {
      checkinAt: s.at,
      checkinMethod: s.method,
      checkinGeo: s.geo,
      checkinOffline: s.offline,
    });
    if (!row) throw new AppError('already_checked_in');
    return { at: isoWithOffset(s.at) };
  });
}

/**
 * Check-out: credited minutes = check-out − check-in, clipped to the window and the maximum
 * (DR-03); creates the pending service record (source auto) the hours flow verifies.
 * @throws unauthenticated | forbidden | not_found | validation_failed | invalid_transition | not_signed_up | not_checked_in | token_expired | token_invalid | outside_geofence
 */
export async function checkOut(
  deps: Deps,
  actor: Actor | undefined,
  activityId: string,
  body: CheckInBody,
): Promise<{ creditedMinutes: number; serviceRecordId: string | null }> {
  return withTransaction(deps.db, async (tx) => {
    const s = await scanInTx(deps, actor, activityId, body, 'check_out', tx);
    const checkinAt = s.signup.checkinAt!;
    const at = s.at < checkinAt ? checkinAt : s.at;
    const minutes = creditedMinutes(checkinAt, at, s.activity);
    const flagged = at > s.activity.endsAt;
    const recordId = minutes > 0 ? newId('sr') : null;
    if (recordId) {
      await repo.insertServiceRecord(tx, {
        id: recordId,
        streetId: s.activity.streetId,
        volunteerId: s.signup.volunteerId,
        activityId: s.activity.id,
        teamId: s.activity.teamId,
        communityId: s.activity.communityId,
        servedOn: streetDate(checkinAt),
        place: s.activity.placeName,
        content: s.activity.title,
        signinAt: checkinAt,
        signinGeo: s.signup.checkinGeo,
        signoutAt: at,
        signoutGeo: s.geo,
        creditedMinutes: minutes,
        source: 'auto',
        status: 'pending',
        reason: flagged ? 'checkout_after_end' : null,
        createdAt: s.now,
      });
      await appendAudit(tx, {
        streetId: s.activity.streetId,
        actorAccountId: s.actor.accountId,
        action: 'service_record.create_pending',
        entityType: 'service_record',
        entityId: recordId,
        newValue: { volunteerId: s.signup.volunteerId, activityId: s.activity.id, minutes },
      });
    }
    const row = await repo.updateSignup(tx, s.signup.id, s.signup.version, {
      checkoutAt: at,
      checkoutMethod: s.method,
      checkoutGeo: s.geo,
      checkoutOffline: s.offline,
      creditedMinutes: minutes,
      serviceRecordId: recordId,
      flagged: s.signup.flagged || flagged,
    });
    if (!row) throw new AppError('not_checked_in');
    return { creditedMinutes: minutes, serviceRecordId: recordId };
  });
}
