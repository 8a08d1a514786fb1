import crypto from 'node:crypto';
import {
  maskName,
  type CertificateCreate,
  type CertificateIssued,
  type CertificateListItem,
  type CertificateVerify,
} from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isoWithOffset } from '../../platform/http/time.js';
import { streetDate } from '../stars/index.js';
import { contentHash, type CertificateContent } from './certificate-content.js';
import { renderCertificatePdf } from './certificate.pdf.js';
import * as repo from './certificates.repository.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
export const pdfUrlOf = (number: string) => `/api/v1/certificates/${number}/pdf`;

/** Where the QR points: PUBLIC_BASE_URL (the deployment's address) + /verify/{number}. */
export function verifyUrlOf(number: string): string {
  const base = (process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return `${base}/verify/${number}`;
}

const SUFFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomSuffix = () => Array.from(crypto.randomBytes(4), (b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');

/**
 * 谁记录谁证明 (DR-09): which organisation certifies for the caller, and whose hours.
 * - A community admin certifies, as that community (居委会), the hours recorded by their community
 *   (verified records with its community_id). The volunteer must live there or have records there.
 * - A street admin certifies, as the street, all the volunteer's verified hours of the street (the
 *   street records for street-level teams and keeps the consolidated record).
 * - Anyone else: 403. A volunteer outside the caller's communities: 404.
 */
async function issuerFor(
  tx: Tx,
  actor: Actor,
  holder: repo.HolderRow,
): Promise<{ kind: 'community' | 'street'; id: string; communityFilter: string | null }> {
  if (hasRole(actor, 'street_admin')) return { kind: 'street', id: actor.streetId, communityFilter: null };
  const communities = scopeIdsOf(actor, 'community_admin');
  if (!communities.length) throw new AppError('forbidden');
  if (holder.community_id && communities.includes(holder.community_id))
    return { kind: 'community', id: holder.community_id, communityFilter: holder.community_id };
  for (const c of communities) if (await repo.hasRecordsIn(tx, holder.id, c)) return { kind: 'community', id: c, communityFilter: c };
  throw new AppError('not_found');
}

/**
 * Issues a certificate (free of charge): the §9 fields are fixed in `content`, hashed (SHA-256 of
 * its canonical JSON) and numbered `DD-<community code|ST>-<year>-<serial>-<4 random>`; the PDF is
 * rendered from the content on request. Audited.
 * @throws unauthenticated | forbidden | not_found | not_eligible (no verified hours) | validation_failed (issuer not set up)
 */
export async function issueCertificate(deps: Deps, actorOrNone: Actor | undefined, input: CertificateCreate): Promise<CertificateIssued> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const holder = await repo.findHolder(tx, actor.streetId, input.volunteerId);
    if (!holder) throw new AppError('not_found');
    const issuer = await issuerFor(tx, actor, holder);
    return issueInTransaction(tx, {
      streetId: actor.streetId,
      holder,
      issuer,
      input,
      handlerName: actor.name,
      accountId: actor.accountId,
      now: deps.now(),
    });
  });
}

/**
 * The issuing itself, inside the caller's transaction (the demo loader uses it too): counts the
 * hours, fixes and hashes the content, numbers and stores it, audits.
 */
export async function issueInTransaction(
  tx: Tx,
  p: {
    streetId: string;
    holder: repo.HolderRow;
    issuer: { kind: 'community' | 'street'; id: string; communityFilter: string | null };
    input: CertificateCreate;
    handlerName: string;
    accountId: string | null;
    now: Date;
  },
): Promise<CertificateIssued> {
  const { holder, issuer, input, now } = p;
  const service = await repo.recordedService(tx, {
    volunteerId: holder.id,
    communityId: issuer.communityFilter,
    from: input.periodFrom,
    to: input.periodTo,
  });
  if (service.minutes <= 0) throw new AppError('not_eligible');
  const details = await repo.findIssuer(tx, p.streetId, issuer.kind, issuer.id);
  if (!details) throw new AppError('validation_failed', {}, { fields: [{ field: 'issuer', key: 'unknown_reference' }] });
  const issueDate = streetDate(now);
  const year = Number(issueDate.slice(0, 4));
  const serial = await repo.nextSerial(tx, p.streetId, year);
  const number = `DD-${details.code.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${year}-${String(serial).padStart(6, '0')}-${randomSuffix()}`;
  const content: CertificateContent = {
    number,
    language: input.language,
    holder: {
      name: holder.name,
      nameBo: holder.name_bo,
      idType: holder.id_type,
      idNumberMasked: holder.id_number_masked,
      volunteerNo: holder.volunteer_no,
    },
    period: { from: input.periodFrom ?? null, to: input.periodTo ?? null },
    verifiedMinutes: service.minutes,
    serviceContent: service.contents,
    star: Number(holder.star),
    issuer: {
      kind: issuer.kind,
      id: issuer.id,
      name: details.name,
      nameBo: details.name_bo,
      creditCode: details.credit_code,
      responsiblePerson: details.responsible_person,
      handler: p.handlerName,
      contact: details.contact,
    },
    issueDate,
    notes: input.notes ?? null,
    verifyUrl: verifyUrlOf(number),
  };
  const hash = contentHash(content);
  const id = `crt_${crypto.randomUUID()}`;
  await repo.insertCertificate(tx, {
    id,
    streetId: p.streetId,
    number,
    volunteerId: holder.id,
    language: input.language,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    verifiedMinutes: service.minutes,
    star: Number(holder.star),
    issuerKind: issuer.kind,
    issuerId: issuer.id,
    issuerName: details.name,
    content,
    contentHash: hash,
    issuedAt: now,
    issuedBy: p.accountId,
  });
  await appendAudit(tx, {
    streetId: p.streetId,
    actorAccountId: p.accountId,
    action: 'certificate.issue',
    entityType: 'volunteer',
    entityId: holder.id,
    newValue: { certificateId: id, number, verifiedMinutes: service.minutes, issuer: `${issuer.kind}:${issuer.id}`, contentHash: hash },
  });
  return { number, pdfUrl: pdfUrlOf(number) };
}

/** The issuing staff: street admin of the street, or a community admin of the issuing community. */
function isIssuerStaff(actor: Actor, cert: repo.CertificateRow): boolean {
  if (cert.street_id !== actor.streetId) return false;
  if (hasRole(actor, 'street_admin')) return true;
  return cert.issuer_kind === 'community' && scopeIdsOf(actor, 'community_admin').includes(cert.issuer_id);
}

/**
 * The PDF, rendered from the issued content (a revoked one carries a red mark): for the holder and
 * the issuer's staff; anyone else 404.
 */
export async function certificatePdf(deps: Deps, actorOrNone: Actor | undefined, number: string): Promise<Buffer> {
  const actor = requireActor(actorOrNone);
  const cert = await withTransaction(deps.db, async (tx) => {
    const found = await repo.findByNumber(tx, number);
    if (!found || (!(found.holder_person_id === actor.personId && found.street_id === actor.streetId) && !isIssuerStaff(actor, found)))
      throw new AppError('not_found');
    return found;
  });
  return renderCertificatePdf(cert.content, cert.content_hash, {
    revokedAt: cert.revoked_at ? isoWithOffset(toDate(cert.revoked_at)) : null,
  });
}

/** Public verification (no login): masked holder name, hours, star, issuer, dates, revocation. */
export async function verifyCertificate(deps: Deps, number: string): Promise<CertificateVerify> {
  const cert = await repo.findByNumber(deps.db, number);
  if (!cert) throw new AppError('not_found');
  return {
    valid: cert.revoked_at === null,
    number: cert.number,
    holderName: maskName(cert.content.holder.name),
    verifiedMinutes: Number(cert.verified_minutes),
    star: Number(cert.star),
    issuer: cert.issuer_name,
    issuerBo: cert.content.issuer.nameBo ?? null,
    issuedAt: isoWithOffset(toDate(cert.issued_at)),
    revokedAt: cert.revoked_at ? isoWithOffset(toDate(cert.revoked_at)) : null,
  };
}

/**
 * The issuer revokes with a reason; the verification page then shows it. Audited.
 * @throws unauthenticated | not_found | conflict (already revoked)
 */
export async function revokeCertificate(
  deps: Deps,
  actorOrNone: Actor | undefined,
  number: string,
  reason: string,
): Promise<CertificateVerify> {
  const actor = requireActor(actorOrNone);
  await withTransaction(deps.db, async (tx) => {
    const cert = await repo.findByNumber(tx, number, true);
    if (!cert || cert.street_id !== actor.streetId) throw new AppError('not_found');
    if (!isIssuerStaff(actor, cert)) {
      if (hasRole(actor, 'street_admin') || hasRole(actor, 'community_admin')) throw new AppError('not_found');
      throw new AppError('forbidden');
    }
    if (!(await repo.revoke(tx, cert.id, actor.accountId, reason, deps.now()))) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'certificate.revoke',
      entityType: 'volunteer',
      entityId: cert.volunteer_id,
      oldValue: { number, revokedAt: null },
      newValue: { number, revokedAt: deps.now().toISOString() },
      reason,
    });
  });
  return verifyCertificate(deps, number);
}

/** The caller's own certificates (H5: download and share link). */
export async function listMyCertificates(
  deps: Deps,
  actorOrNone: Actor | undefined,
): Promise<{ items: CertificateListItem[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const rows = await repo.listOfPerson(deps.db, actor.streetId, actor.personId);
  return {
    items: rows.map((c) => ({
      number: c.number,
      volunteerId: c.volunteer_id,
      language: c.language,
      verifiedMinutes: Number(c.verified_minutes),
      issuer: c.issuer_name,
      issuedAt: isoWithOffset(toDate(c.issued_at)),
      revokedAt: c.revoked_at ? isoWithOffset(toDate(c.revoked_at)) : null,
      pdfUrl: pdfUrlOf(c.number),
    })),
    nextCursor: null,
  };
}
