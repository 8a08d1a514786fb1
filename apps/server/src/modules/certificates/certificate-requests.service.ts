import crypto from 'node:crypto';
import {
  maskName,
  type CertificateIssued,
  type CertificateRequest,
  type CertificateRequestCreate,
  type CertificateRequestQuery,
  type CertificateStaffItem,
  type CertificateStaffQuery,
} from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoWithOffset } from '../../platform/http/time.js';
import { notify } from '../notifications/index.js';
import * as reqRepo from './certificate-requests.repository.js';
import * as repo from './certificates.repository.js';
import { issueInTransaction, pdfUrlOf } from './certificates.service.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const iso = (v: Date | string | null) => (v ? isoWithOffset(toDate(v)) : null);

/** Issuer staff: the street admin sees the street's; a community admin their communities' (issued as 居委会); others 403. */
function issuerScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'street_admin')) return 'all';
  const ids = scopeIdsOf(actor, 'community_admin');
  if (!ids.length) throw new AppError('forbidden');
  return ids;
}
const inScope = (scope: 'all' | string[], kind: 'community' | 'street', id: string) =>
  scope === 'all' || (kind === 'community' && scope.includes(id));

/* ---------- staff list of certificates ---------- */

/**
 * Certificates issued by the caller's organisations, newest first, the holder's name masked.
 * @throws unauthenticated | forbidden (not staff, or a communityId outside the caller's) | validation_failed (cursor)
 */
export async function listCertificates(
  deps: Deps,
  actorOrNone: Actor | undefined,
  q: CertificateStaffQuery,
): Promise<Page<CertificateStaffItem>> {
  const actor = requireActor(actorOrNone);
  const scope = issuerScope(actor);
  if (q.communityId && scope !== 'all' && !scope.includes(q.communityId)) throw new AppError('forbidden');
  const key = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await reqRepo.listCertificates(deps.db, {
    streetId: actor.streetId,
    communityIds: scope,
    limit: q.limit,
    ...(q.volunteerId ? { volunteerId: q.volunteerId } : {}),
    ...(q.communityId ? { communityId: q.communityId } : {}),
    ...(q.revoked ? { revoked: q.revoked === 'true' } : {}),
    ...(key ? { after: key } : {}),
  });
  const page = pageFrom(rows, q.limit, (r) => [toDate(r.issued_at).toISOString(), r.id]);
  return {
    items: page.items.map((c) => ({
      number: c.number,
      volunteerId: c.volunteer_id,
      volunteerNo: c.volunteer_no,
      holderName: maskName(c.name),
      language: c.language,
      verifiedMinutes: Number(c.verified_minutes),
      issuer: c.issuer_name,
      issuerKind: c.issuer_kind,
      issuerId: c.issuer_id,
      issuedAt: isoWithOffset(toDate(c.issued_at)),
      revokedAt: iso(c.revoked_at),
      revokeReason: c.revoke_reason,
      pdfUrl: pdfUrlOf(c.number),
    })),
    nextCursor: page.nextCursor,
  };
}

/* ---------- requests ---------- */

function presentRequest(r: reqRepo.RequestRow, masked: boolean): CertificateRequest {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    holderName: masked ? maskName(r.name) : r.name,
    volunteerNo: r.volunteer_no,
    language: r.language,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    issuerKind: r.issuer_kind,
    issuerId: r.issuer_id,
    status: r.status,
    certificateNumber: r.certificate_number,
    declineReason: r.decline_reason,
    createdAt: isoWithOffset(toDate(r.created_at)),
    decidedAt: iso(r.decided_at),
  };
}

/**
 * 谁记录谁证明 for a request: the volunteer's home community when it recorded verified hours and is
 * set up as an issuer; otherwise the street (which keeps the consolidated record).
 */
async function issuerForRequest(tx: Tx, streetId: string, holder: repo.HolderRow): Promise<{ kind: 'community' | 'street'; id: string }> {
  const c = holder.community_id;
  if (c && (await repo.hasRecordsIn(tx, holder.id, c)) && (await reqRepo.hasIssuer(tx, streetId, 'community', c)))
    return { kind: 'community', id: c };
  return { kind: 'street', id: streetId };
}

/**
 * A volunteer asks for a certificate of their verified hours. One open request at a time.
 * @throws unauthenticated | forbidden (not a volunteer) | not_eligible (no verified hours in the period) | conflict (a request is open)
 */
export async function createRequest(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: CertificateRequestCreate,
): Promise<CertificateRequest> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const vol = await reqRepo.volunteerOfPerson(tx, actor.streetId, actor.personId);
    if (!vol) throw new AppError('forbidden');
    const holder = (await repo.findHolder(tx, actor.streetId, vol.id))!;
    const issuer = await issuerForRequest(tx, actor.streetId, holder);
    const service = await repo.recordedService(tx, {
      volunteerId: holder.id,
      communityId: issuer.kind === 'community' ? issuer.id : null,
      from: input.periodFrom,
      to: input.periodTo,
    });
    if (service.minutes <= 0) throw new AppError('not_eligible');
    if (await reqRepo.hasPending(tx, holder.id)) throw new AppError('conflict');
    const id = `crq_${crypto.randomUUID()}`;
    const inserted = await reqRepo.insertRequest(tx, {
      id,
      streetId: actor.streetId,
      volunteerId: holder.id,
      language: input.language,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      issuerKind: issuer.kind,
      issuerId: issuer.id,
      requestedBy: actor.accountId,
      at: deps.now(),
    });
    if (!inserted) throw new AppError('conflict');
    return presentRequest((await reqRepo.findRequest(tx, actor.streetId, id))!, false);
  });
}

/** The caller's own requests, newest first. */
export async function listMyRequests(
  deps: Deps,
  actorOrNone: Actor | undefined,
): Promise<{ items: CertificateRequest[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const rows = await reqRepo.listRequestsOfPerson(deps.db, actor.streetId, actor.personId);
  return { items: rows.map((r) => presentRequest(r, false)), nextCursor: null };
}

/** Requests addressed to the caller's organisations (street admin: all), names masked. */
export async function listRequests(
  deps: Deps,
  actorOrNone: Actor | undefined,
  q: CertificateRequestQuery,
): Promise<Page<CertificateRequest>> {
  const actor = requireActor(actorOrNone);
  const scope = issuerScope(actor);
  const key = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await reqRepo.listRequests(deps.db, {
    streetId: actor.streetId,
    communityIds: scope,
    limit: q.limit,
    ...(q.status ? { status: q.status } : {}),
    ...(key ? { after: key } : {}),
  });
  const page = pageFrom(rows, q.limit, (r) => [toDate(r.created_at).toISOString(), r.id]);
  return { items: page.items.map((r) => presentRequest(r, true)), nextCursor: page.nextCursor };
}

/** The request, locked, addressed to the caller's organisation (else 404), still pending (else 409). */
async function lockPending(tx: Tx, actor: Actor, id: string, action: string): Promise<reqRepo.RequestRow> {
  const scope = issuerScope(actor);
  const r = await reqRepo.findRequest(tx, actor.streetId, id, true);
  if (!r || !inScope(scope, r.issuer_kind, r.issuer_id)) throw new AppError('not_found');
  if (r.status !== 'pending') throw new AppError('invalid_transition', { from: r.status, action });
  return r;
}

/**
 * The issuing organisation's staff issue the requested certificate (as that organisation) and
 * close the request; the volunteer is notified. Audited (certificate.issue, certificate_request.issue).
 * @throws unauthenticated | forbidden | not_found | invalid_transition | conflict | not_eligible
 */
export async function issueRequest(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
): Promise<{ request: CertificateRequest; certificate: CertificateIssued }> {
  const actor = requireActor(actorOrNone);
  issuerScope(actor);
  return withTransaction(deps.db, async (tx) => {
    const r = await lockPending(tx, actor, id, 'issue');
    const holder = (await repo.findHolder(tx, actor.streetId, r.volunteer_id))!;
    const certificate = await issueInTransaction(tx, {
      streetId: actor.streetId,
      holder,
      issuer: { kind: r.issuer_kind, id: r.issuer_id, communityFilter: r.issuer_kind === 'community' ? r.issuer_id : null },
      input: {
        volunteerId: r.volunteer_id,
        language: r.language,
        ...(r.period_from ? { periodFrom: r.period_from } : {}),
        ...(r.period_to ? { periodTo: r.period_to } : {}),
      },
      handlerName: actor.name,
      accountId: actor.accountId,
      now: deps.now(),
    });
    const certificateId = await reqRepo.certificateIdOf(tx, certificate.number);
    if (!(await reqRepo.decide(tx, r.id, r.version, { status: 'issued', certificateId }, actor.accountId, deps.now())))
      throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'certificate_request.issue',
      entityType: 'volunteer',
      entityId: r.volunteer_id,
      oldValue: { requestId: r.id, status: 'pending' },
      newValue: { requestId: r.id, status: 'issued', number: certificate.number },
    });
    await notify(tx, {
      streetId: actor.streetId,
      recipientAccountIds: await reqRepo.accountIdsOfPerson(tx, r.person_id),
      kind: 'certificate_request.issued',
      params: { number: certificate.number },
      link: '/me/certificates',
      refType: 'certificate_request',
      refId: r.id,
    });
    return { request: presentRequest((await reqRepo.findRequest(tx, actor.streetId, r.id))!, true), certificate };
  });
}

/**
 * The issuing organisation's staff decline with a reason; the volunteer is notified. Audited.
 * @throws unauthenticated | forbidden | not_found | invalid_transition | conflict
 */
export async function declineRequest(deps: Deps, actorOrNone: Actor | undefined, id: string, reason: string): Promise<CertificateRequest> {
  const actor = requireActor(actorOrNone);
  issuerScope(actor);
  return withTransaction(deps.db, async (tx) => {
    const r = await lockPending(tx, actor, id, 'decline');
    if (!(await reqRepo.decide(tx, r.id, r.version, { status: 'declined', reason }, actor.accountId, deps.now())))
      throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'certificate_request.decline',
      entityType: 'volunteer',
      entityId: r.volunteer_id,
      oldValue: { requestId: r.id, status: 'pending' },
      newValue: { requestId: r.id, status: 'declined' },
      reason,
    });
    await notify(tx, {
      streetId: actor.streetId,
      recipientAccountIds: await reqRepo.accountIdsOfPerson(tx, r.person_id),
      kind: 'certificate_request.declined',
      params: { reason },
      link: '/me/certificates',
      refType: 'certificate_request',
      refId: r.id,
    });
    return presentRequest((await reqRepo.findRequest(tx, actor.streetId, r.id))!, true);
  });
}
