import crypto from 'node:crypto';
import { maskPhone, type RecoveryQuery, type RecoveryReceived, type RecoveryRequest, type RecoveryRequestBody } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Tx } from '../../platform/db/client.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { setAccountCredentials } from '../accounts/index.js';
import * as repo from './recovery.repository.js';
import { inReviewScope, reviewScope } from './recovery.policy.js';
import { presentRequest } from './recovery.presenter.js';

/** At most 3 requests per ID number and 10 per phone in 24 hours; a pending request expires after 7 days. */
export const RECOVERY_POLICY = { perIdNumber: 3, perPhone: 10, windowMs: 24 * 3_600_000, expiresAfterMs: 7 * 86_400_000 } as const;

type Page<T> = { items: T[]; nextCursor: string | null };

const normalizeName = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function throttle(tx: Tx, key: string, max: number, now: Date) {
  const row = await repo.countAttempt(tx, { key, now, windowMs: RECOVERY_POLICY.windowMs });
  if (row.attempts <= max) return;
  const seconds = Math.max(1, Math.ceil((row.windowStart.getTime() + RECOVERY_POLICY.windowMs - now.getTime()) / 1000));
  throw new AppError('rate_limited', { minutes: Math.ceil(seconds / 60) }, { headers: { 'retry-after': String(seconds) } });
}

/**
 * `POST /auth/recovery-requests` (public): always answers `received`, whether or not the ID number is
 * registered (no enumeration). A request is stored only when the ID number's blind index matches a
 * person of the street: the new phone as ciphertext + blind index + mask, the new password as a
 * scrypt hash, and whether the given name equals the name on file. A newer request supersedes the
 * person's pending one. Throttled per ID number and per phone (counted in the database).
 * @throws validation_failed (no street could be chosen) | rate_limited
 */
export async function submitRequest(deps: Deps, input: RecoveryRequestBody): Promise<RecoveryReceived> {
  // Hash first, for every request: the answer takes as long whether or not the ID matches.
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  const idNumber = input.idNumber.trim().toUpperCase();
  const idNumberHash = deps.crypto.blindIndex('id', idNumber);
  const phoneHash = deps.crypto.blindIndex('phone', input.phone);
  try {
    await withTransaction(deps.db, async (tx) => {
      const street = input.streetId ? await repo.findStreetById(tx, input.streetId) : await repo.findOnlyStreet(tx);
      if (!street)
        throw new AppError(
          'validation_failed',
          {},
          { fields: [{ field: 'streetId', key: input.streetId ? 'invalid_value' : 'required' }] },
        );
      await throttle(tx, `id:${street.id}:${idNumberHash}`, RECOVERY_POLICY.perIdNumber, now);
      await throttle(tx, `phone:${phoneHash}`, RECOVERY_POLICY.perPhone, now);
      const person = await repo.findPersonByIdNumber(tx, { streetId: street.id, idType: input.idType, idNumberHash });
      if (!person || person.pseudonymisedAt) return;
      const given = normalizeName(input.name);
      await repo.supersedePending(tx, person.id, now);
      await repo.insertRequest(tx, {
        id: `rcv_${crypto.randomUUID()}`,
        streetId: street.id,
        personId: person.id,
        communityId: person.communityId,
        nameGiven: given,
        nameMatches: given === normalizeName(person.name) || (person.nameBo !== null && given === normalizeName(person.nameBo)),
        phoneEnc: deps.crypto.encrypt(input.phone),
        phoneHash,
        phoneMasked: maskPhone(input.phone),
        passwordHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RECOVERY_POLICY.expiresAfterMs),
      });
    });
  } catch (err) {
    // Two requests for one person at the same moment (PostgreSQL): one of them is kept; same answer.
    if (uniqueViolation(err) === undefined) throw err;
  }
  return { status: 'received' };
}

function afterKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'cursor', key: 'invalid_format' }] });
  }
  return [at, id];
}

/**
 * Recovery requests to review (street admin: the street; community admin: persons of their
 * community), newest first, masks only. Pending requests older than 7 days are marked expired first.
 * @throws unauthenticated | forbidden | validation_failed (bad cursor)
 */
export async function listRequests(deps: Deps, actorOrNone: Actor | undefined, input: RecoveryQuery): Promise<Page<RecoveryRequest>> {
  const actor = requireActor(actorOrNone);
  const scope = reviewScope(actor);
  const after = afterKey(input.cursor);
  return withTransaction(deps.db, async (tx) => {
    await repo.expirePending(tx, actor.streetId, deps.now());
    const rows = await repo.listRequests(tx, {
      streetId: actor.streetId,
      limit: input.limit,
      ...(scope === 'all' ? {} : { communityIds: scope }),
      ...(input.status ? { status: input.status } : {}),
      ...(after ? { after } : {}),
    });
    const page = pageFrom(rows, input.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
  });
}

async function requestItem(tx: Tx, streetId: string, id: string): Promise<RecoveryRequest> {
  const [row] = await repo.listRequests(tx, { streetId, id, limit: 1 });
  if (!row) throw new AppError('not_found');
  return presentRequest(row);
}

/** The pending request, locked, in the reviewer's scope: 404 outside it, 409 when decided or expired. */
async function lockPending(tx: Tx, actor: Actor, id: string, action: string, now: Date) {
  const scope = reviewScope(actor);
  const request = await repo.findRequest(tx, id, { forUpdate: true });
  if (!request || request.streetId !== actor.streetId || !inReviewScope(scope, request.communityId)) throw new AppError('not_found');
  if (request.status !== 'pending') throw new AppError('invalid_transition', { from: request.status, action });
  if (request.expiresAt <= now) throw new AppError('invalid_transition', { from: 'expired', action });
  return request;
}

/**
 * The staff member confirms they checked the person's ID card in person: the person's account
 * gets the requested phone and password (an account is created for a person without one), every
 * old session is revoked, audited with masked phones.
 * @throws unauthenticated | forbidden | not_found | invalid_transition | conflict (phone taken)
 */
export async function approveRequest(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<RecoveryRequest> {
  const actor = requireActor(actorOrNone);
  try {
    return await withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const request = await lockPending(tx, actor, id, 'approve', now);
      const { accountId } = await setAccountCredentials(deps, tx, {
        streetId: request.streetId,
        personId: request.personId,
        phone: deps.crypto.decrypt(request.phoneEnc),
        passwordHash: request.passwordHash,
        byAccountId: actor.accountId,
        now,
        reason: `account recovery ${request.id}: ID card checked in person`,
      });
      const decided = await repo.decideRequest(tx, { id: request.id, to: 'approved', byAccountId: actor.accountId, at: now, accountId });
      if (!decided) throw new AppError('invalid_transition', { from: 'decided', action: 'approve' });
      return requestItem(tx, actor.streetId, request.id);
    });
  } catch (err) {
    // The phone was taken by a registration at the same moment (unique blind index on accounts).
    if (uniqueViolation(err) !== undefined) throw new AppError('conflict', { reason: 'phone_taken' });
    throw err;
  }
}

/**
 * Rejects a pending request with a reason (audited).
 * @throws unauthenticated | forbidden | not_found | invalid_transition
 */
export async function rejectRequest(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { id: string; reason: string },
): Promise<RecoveryRequest> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const now = deps.now();
    const request = await lockPending(tx, actor, input.id, 'reject', now);
    const decided = await repo.decideRequest(tx, {
      id: request.id,
      to: 'rejected',
      byAccountId: actor.accountId,
      at: now,
      reason: input.reason,
    });
    if (!decided) throw new AppError('invalid_transition', { from: 'decided', action: 'reject' });
    await appendAudit(tx, {
      streetId: request.streetId,
      actorAccountId: actor.accountId,
      action: 'account_recovery.reject',
      entityType: 'person',
      entityId: request.personId,
      oldValue: { status: 'pending', requestId: request.id },
      newValue: { status: 'rejected', phoneMasked: request.phoneMasked },
      reason: input.reason,
    });
    return requestItem(tx, actor.streetId, request.id);
  });
}
