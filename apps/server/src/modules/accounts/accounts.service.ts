import crypto from 'node:crypto';
import { maskPhone, type LoginBody, type Me, type PreferencesBody, type RegisterAccount, type Role, type ScopeType } from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor, Assignment } from '../../platform/auth/actor.js';
import { rolesOf } from '../../platform/auth/actor.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import type { Tx } from '../../platform/db/client.js';
import * as repo from './accounts.repository.js';
import { nameInitialsOf } from '../../platform/text/name-initials.js';

/** Lock-out policy: the tenth wrong password in a row within 15 minutes locks the phone for 15 minutes. */
export const LOGIN_POLICY = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function lockedError(lockedUntil: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError('rate_limited', { minutes: Math.ceil(seconds / 60) }, { headers: { 'retry-after': String(seconds) } });
}

/**
 * Signs in with phone and password and opens a session.
 * @throws invalid_credentials | rate_limited
 */
export async function login(deps: Deps, input: LoginBody): Promise<{ token: string; user: { id: string; name: string; roles: Role[] } }> {
  const now = deps.now();
  const phoneHash = deps.crypto.blindIndex('phone', input.phone);
  const throttle = await repo.findThrottle(deps.db, phoneHash);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) throw lockedError(throttle.lockedUntil, now);

  const account = await repo.findAccountByPhoneHash(deps.db, phoneHash);
  // Unknown phones cost the same scrypt work, so timing does not reveal which phones have accounts.
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!account || account.status !== 'active' || !passwordOk) {
    const row = await repo.recordFailure(deps.db, { phoneHash, now, ...LOGIN_POLICY });
    if (row.lockedUntil && row.lockedUntil > now) throw lockedError(row.lockedUntil, now);
    throw new AppError('invalid_credentials');
  }

  return withTransaction(deps.db, async (tx) => {
    await repo.clearThrottle(tx, phoneHash);
    return openSession(deps, tx, account, now);
  });
}

/** Opens a session for an account inside the caller's transaction; the clear token is returned once. */
async function openSession(deps: Deps, tx: Tx, account: { id: string; streetId: string }, now: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(tx, {
    tokenHash: hashToken(token),
    accountId: account.id,
    streetId: account.streetId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionDays * 86_400_000),
  });
  await repo.touchLogin(tx, account.id, now);
  const actor = await buildActor(tx, account.id);
  return { token, user: { id: account.id, name: actor.name, roles: rolesOf(actor) } };
}

/**
 * `POST /auth/register`: a new phone account with its person and no roles yet (registering as a
 * volunteer comes next), signed in at once.
 * @throws conflict (the phone has an account) | validation_failed (no street could be chosen)
 */
export async function registerAccount(deps: Deps, input: RegisterAccount): Promise<{ token: string; user: { id: string; name: string; roles: Role[] } }> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  try {
    return await withTransaction(deps.db, async (tx) => {
      const street = input.streetId ? await repo.findStreetById(tx, input.streetId) : await repo.findOnlyStreet(tx);
      if (!street) throw new AppError('validation_failed', {}, { fields: [{ field: 'streetId', key: input.streetId ? 'invalid_value' : 'required' }] });
      const phoneHash = deps.crypto.blindIndex('phone', input.phone);
      if (await repo.findAccountByPhoneHash(tx, phoneHash)) throw new AppError('conflict', { reason: 'phone_taken' });
      const personId = `per_${crypto.randomUUID()}`;
      const accountId = `acc_${crypto.randomUUID()}`;
      await repo.insertPerson(tx, {
        id: personId,
        streetId: street.id,
        name: input.name,
        nameInitials: nameInitialsOf(input.name),
        phoneEnc: deps.crypto.encrypt(input.phone),
        phoneHash,
        phoneMasked: maskPhone(input.phone),
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertAccount(tx, { id: accountId, streetId: street.id, personId, phoneHash, passwordHash, createdAt: now });
      return openSession(deps, tx, { id: accountId, streetId: street.id }, now);
    });
  } catch (err) {
    // Two registrations of one phone at once: the unique blind index lets one through.
    if (uniqueViolation(err) !== undefined) throw new AppError('conflict', { reason: 'phone_taken' });
    throw err;
  }
}

/**
 * Grants a role inside the caller's transaction and audits it (DR-23); a grant the account
 * already holds changes nothing.
 * @returns whether a grant was written
 */
export async function grantRole(
  tx: Tx,
  input: { streetId: string; accountId: string; role: Role; scopeType: ScopeType; scopeId: string; byAccountId: string | null; reason: string },
): Promise<boolean> {
  if (await repo.findActiveAssignment(tx, input)) return false;
  await repo.insertAssignment(tx, {
    id: `ra_${crypto.randomUUID()}`,
    streetId: input.streetId,
    accountId: input.accountId,
    role: input.role,
    scopeType: input.scopeType,
    scopeId: input.scopeId,
    grantedBy: input.byAccountId,
  });
  await appendAudit(tx, {
    streetId: input.streetId,
    actorAccountId: input.byAccountId,
    action: 'role.grant',
    entityType: 'account',
    entityId: input.accountId,
    newValue: { role: input.role, scopeType: input.scopeType, scopeId: input.scopeId },
    reason: input.reason,
  });
  return true;
}

/**
 * Ends a person's access for good (PIPL deletion): revokes sessions and roles (audited), disables
 * the account and frees its phone. Inside the caller's transaction.
 * @returns the account id, or null when the person has no account
 */
export async function revokeAccountAccess(tx: Tx, input: { personId: string; byAccountId: string; now: Date; reason: string }): Promise<string | null> {
  const account = await repo.findAccountOfPerson(tx, input.personId);
  if (!account) return null;
  await repo.revokeAllSessions(tx, account.id, input.now);
  const revoked = await repo.revokeAllAssignments(tx, account.id, input.now);
  for (const r of revoked) {
    await appendAudit(tx, {
      streetId: account.streetId,
      actorAccountId: input.byAccountId,
      action: 'role.revoke',
      entityType: 'account',
      entityId: account.id,
      oldValue: r,
      reason: input.reason,
    });
  }
  await repo.disableAccount(tx, account.id);
  return account.id;
}

export interface SetCredentialsInput {
  streetId: string;
  personId: string;
  phone: string;
  passwordHash: string;
  byAccountId: string;
  now: Date;
  reason: string;
}

/**
 * 找回账号: gives the person's account a new sign-in phone and password (scrypt hash made by the
 * caller) and revokes every session it had; a person without an account (registered by staff or by
 * import) gets one, with the `volunteer` role when they are an active volunteer (audited). The
 * person's contact phone becomes the new phone. Inside the caller's transaction; audited with masks.
 * @throws conflict (the phone belongs to another account; the account was disabled)
 */
export async function setAccountCredentials(deps: Deps, tx: Tx, input: SetCredentialsInput): Promise<{ accountId: string; created: boolean }> {
  const phoneHash = deps.crypto.blindIndex('phone', input.phone);
  const person = await repo.findPersonById(tx, input.personId);
  if (!person || person.pseudonymisedAt) throw new AppError('conflict', { reason: 'person_deleted' });
  const holder = await repo.findAccountByPhoneHash(tx, phoneHash);
  if (holder && holder.personId !== person.id) throw new AppError('conflict', { reason: 'phone_taken' });
  const existing = await repo.findAccountOfPerson(tx, person.id);
  if (existing && existing.status !== 'active') throw new AppError('conflict', { reason: 'account_disabled' });
  let accountId: string;
  if (existing) {
    accountId = existing.id;
    await repo.updateCredentials(tx, accountId, { phoneHash, passwordHash: input.passwordHash });
    await repo.revokeAllSessions(tx, accountId, input.now);
  } else {
    accountId = `acc_${crypto.randomUUID()}`;
    await repo.insertAccount(tx, { id: accountId, streetId: input.streetId, personId: person.id, phoneHash, passwordHash: input.passwordHash, createdAt: input.now });
    const volunteer = await repo.findVolunteerOfPerson(tx, person.id);
    if (volunteer && volunteer.status === 'active') {
      await grantRole(tx, { streetId: input.streetId, accountId, role: 'volunteer', scopeType: 'street', scopeId: input.streetId, byAccountId: input.byAccountId, reason: input.reason });
    }
  }
  await repo.updatePersonPhone(tx, person.id, { phoneEnc: deps.crypto.encrypt(input.phone), phoneHash, phoneMasked: maskPhone(input.phone), updatedAt: input.now });
  await appendAudit(tx, {
    streetId: input.streetId,
    actorAccountId: input.byAccountId,
    action: 'account.recover',
    entityType: 'account',
    entityId: accountId,
    oldValue: { phoneMasked: existing ? (person.phoneMasked ?? null) : null, account: existing ? 'existing' : 'none' },
    newValue: { phoneMasked: maskPhone(input.phone), sessionsRevoked: Boolean(existing), created: !existing },
    reason: input.reason,
  });
  return { accountId, created: !existing };
}

/** What the platform holds about an account, for the PIPL export (no secrets: no hashes, no tokens). */
export async function accountDataOf(tx: Tx, accountId: string, now: Date) {
  const found = await repo.findAccount(tx, accountId);
  if (!found) throw new AppError('unauthenticated');
  const [roles, sessionCounts] = await Promise.all([repo.listAllAssignments(tx, accountId), repo.countSessions(tx, accountId, now)]);
  const { account } = found;
  return {
    account: {
      id: account.id,
      language: account.language,
      elderlyMode: account.elderlyMode,
      createdAt: account.createdAt.toISOString(),
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    },
    roles: roles.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId, grantedAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null })),
    sessions: sessionCounts,
  };
}

/** Ends the session of this token (idempotent). */
export async function logout(deps: Deps, token: string | undefined): Promise<void> {
  if (!token) return;
  await repo.revokeSession(deps.db, hashToken(token), deps.now());
}

/** The actor of an account, as a session would resolve it (jobs acting for the account that set them up). */
export const actorOfAccount = (tx: Tx, accountId: string): Promise<Actor> => buildActor(tx, accountId);

async function buildActor(tx: Tx, accountId: string): Promise<Actor> {
  const found = await repo.findAccount(tx, accountId);
  if (!found) throw new AppError('unauthenticated');
  return actorFrom(tx, found.account, found.person);
}

async function actorFrom(
  tx: Tx,
  account: { id: string; streetId: string; personId: string; language: 'zh-CN' | 'bo' | 'en'; elderlyMode: boolean },
  person: { name: string; communityId: string | null; gridId: string | null },
): Promise<Actor> {
  const rows = await repo.listAssignments(tx, account.id);
  const scopes = await repo.describeScopes(tx, rows);
  const assignments: Assignment[] = rows.map((r) => ({ ...r, communityId: scopes.get(`${r.scopeType}:${r.scopeId}`)?.communityId ?? null }));
  return {
    accountId: account.id,
    personId: account.personId,
    streetId: account.streetId,
    name: person.name,
    language: account.language,
    elderlyMode: account.elderlyMode,
    homeCommunityId: person.communityId,
    homeGridId: person.gridId,
    assignments,
  };
}

/** The actor behind a session token, or undefined when the token is unknown, revoked or expired. */
export async function resolveSession(deps: Deps, token: string): Promise<Actor | undefined> {
  const found = await repo.findSessionAccount(deps.db, hashToken(token), deps.now());
  if (!found) return undefined;
  return actorFrom(deps.db, found.account, found.person);
}

/** `GET /me`: who I am, my roles with their scope names, and my place in the organization. */
export async function getMe(deps: Deps, actor: Actor): Promise<Me> {
  const found = await repo.findAccount(deps.db, actor.accountId);
  if (!found) throw new AppError('unauthenticated');
  const { account, person } = found;
  const scopes = await repo.describeScopes(deps.db, actor.assignments);
  const volunteer = await repo.findVolunteerOfPerson(deps.db, person.id);
  const memberTeams = volunteer ? await repo.listTeamIdsOfVolunteer(deps.db, volunteer.id) : [];
  const scoped = (role: Role) => actor.assignments.find((a) => a.role === role);
  const teamIds = [...new Set([...memberTeams, ...actor.assignments.filter((a) => a.role === 'team_leader').map((a) => a.scopeId)])];
  const phone = person.phoneEnc ? deps.crypto.decrypt(person.phoneEnc) : '';
  return {
    id: account.id,
    name: person.name,
    nameBo: person.nameBo,
    roles: rolesOf(actor),
    assignments: actor.assignments.map((a) => ({
      role: a.role,
      scopeType: a.scopeType,
      scopeId: a.scopeId,
      scopeName: scopes.get(`${a.scopeType}:${a.scopeId}`)?.name ?? '',
    })),
    personId: person.id,
    volunteerId: volunteer?.id ?? null,
    communityId: scoped('community_admin')?.scopeId ?? person.communityId ?? scoped('grid_worker')?.communityId ?? null,
    gridId: scoped('grid_worker')?.scopeId ?? person.gridId,
    teamIds,
    unitId: scoped('unit_admin')?.scopeId ?? volunteer?.unitId ?? null,
    streetId: account.streetId,
    phoneMasked: person.phoneMasked ?? (phone ? maskPhone(phone) : ''),
    language: account.language,
    elderlyMode: account.elderlyMode,
  };
}

/** Saves the caller's language and elderly-mode choice (remembered per user, DR-24/DR-25). */
export async function updatePreferences(deps: Deps, actor: Actor, input: PreferencesBody): Promise<Me> {
  const patch: { language?: 'zh-CN' | 'bo' | 'en'; elderlyMode?: boolean } = {};
  if (input.language !== undefined) patch.language = input.language;
  if (input.elderlyMode !== undefined) patch.elderlyMode = input.elderlyMode;
  await repo.updatePreferences(deps.db, actor.accountId, patch);
  return getMe(deps, { ...actor, language: input.language ?? actor.language });
}

export interface CreateStreetAdminInput {
  phone: string;
  password: string;
  name: string;
  street: { code: string; name: string; nameBo?: string; district: string };
}

/**
 * Creates the first street admin of a production database (and its street when new).
 * @throws conflict when the phone already has an account
 */
export async function createStreetAdmin(deps: Deps, input: CreateStreetAdminInput): Promise<{ accountId: string; streetId: string }> {
  const passwordHash = await hashPassword(input.password);
  return withTransaction(deps.db, async (tx) => {
    const phoneHash = deps.crypto.blindIndex('phone', input.phone);
    if (await repo.findAccountByPhoneHash(tx, phoneHash)) throw new AppError('conflict', { reason: 'phone_taken' });
    let street = await repo.findStreetByCode(tx, input.street.code);
    if (!street) {
      const id = `st_${input.street.code.replace(/[^A-Za-z0-9_-]/g, '')}`;
      await repo.insertStreet(tx, { id, code: input.street.code, name: input.street.name, nameBo: input.street.nameBo ?? null, district: input.street.district });
      street = await repo.findStreetByCode(tx, input.street.code);
    }
    const streetId = street!.id;
    const personId = `per_${crypto.randomUUID()}`;
    const accountId = `acc_${crypto.randomUUID()}`;
    await repo.insertPerson(tx, {
      id: personId,
      streetId,
      name: input.name,
      nameInitials: nameInitialsOf(input.name),
      phoneEnc: deps.crypto.encrypt(input.phone),
      phoneHash,
      phoneMasked: maskPhone(input.phone),
    });
    await repo.insertAccount(tx, { id: accountId, streetId, personId, phoneHash, passwordHash });
    await repo.insertAssignment(tx, { id: `ra_${crypto.randomUUID()}`, streetId, accountId, role: 'street_admin', scopeType: 'street', scopeId: streetId, grantedBy: 'admin:create' });
    await appendAudit(tx, {
      streetId,
      actorAccountId: null,
      action: 'role.grant',
      entityType: 'account',
      entityId: accountId,
      newValue: { role: 'street_admin', scopeType: 'street', scopeId: streetId },
      reason: 'npm run admin:create',
    });
    return { accountId, streetId };
  });
}
