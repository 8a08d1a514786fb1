import crypto from 'node:crypto';
import {
  TEAM_LOGO_MAX_BYTES,
  type TeamApplication,
  type TeamApplicationStatus,
  type TeamCreate,
  type TeamDetail,
  type TeamInvitation,
  type TeamInvitationStatus,
  type TeamLogo,
  type TeamMember,
  type TeamMemberRole,
  type TeamPatch,
  type UiLang,
} from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { communitiesInView, requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoWithOffset } from '../../platform/http/time.js';
import { grantRoleToPerson, revokeRoleFromPerson } from '../accounts/index.js';
import { getTeam } from '../organization/index.js';
import { sniffImageType } from './image-type.js';
import { rosterCsv, rosterXlsx, type RosterRow } from './roster-file.js';
import * as repo from './teams.repository.js';
import {
  assertAllowed,
  assertCanCreateTeam,
  assertCanMoveTeam,
  canAppointDeputies,
  canEditTeam,
  canExportRoster,
  canManageMembers,
  staffInScope,
  type TeamStanding,
} from './teams.policy.js';
import { presentApplication, presentInvitation, presentMember } from './teams.presenter.js';

type Page<T> = { items: T[]; nextCursor: string | null };

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** A unique-index violation (SQLSTATE 23505) from either driver, possibly wrapped by Drizzle. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

const unknownReference = (field: string) => new AppError('validation_failed', {}, { fields: [{ field, key: 'unknown_reference' }] });

/** The team, or 404 when it does not exist in the caller's street. */
async function loadTeam(tx: Tx, actor: Actor, teamId: string, opts: { forUpdate?: boolean } = {}) {
  const team = await repo.findTeam(tx, teamId, opts);
  if (!team || team.streetId !== actor.streetId) throw new AppError('not_found');
  return team;
}

async function standingOf(tx: Tx, actor: Actor, team: repo.TeamRow): Promise<TeamStanding> {
  const volunteer = await repo.findVolunteerOfPerson(tx, actor.personId);
  const membership = volunteer ? await repo.findMembership(tx, team.id, volunteer.id) : undefined;
  return {
    staff: staffInScope(actor, team),
    leader: team.leaderPersonId !== null && team.leaderPersonId === actor.personId,
    deputy: membership?.role === 'deputy',
    volunteerId: volunteer?.id ?? null,
  };
}

/** The caller's own volunteer record, active; anyone else may not apply or answer invitations. */
async function ownVolunteer(tx: Tx, actor: Actor) {
  const volunteer = await repo.findVolunteerOfPerson(tx, actor.personId);
  if (!volunteer || volunteer.status !== 'active' || volunteer.streetId !== actor.streetId) throw new AppError('forbidden');
  return volunteer;
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

const createdKey = (r: { created_at: Date | string; id: string }) => [new Date(r.created_at).toISOString(), r.id];

/**
 * Makes a member the team's leader: the old leader becomes a member, `team_leader` moves with the
 * leadership, and the change is audited (DR-23). Compare and set on the team's current leader.
 * @throws not_team_member | conflict
 */
async function assignLeader(tx: Tx, deps: Deps, actor: Actor, team: repo.TeamRow, volunteerId: string, reason: string): Promise<void> {
  const membership = await repo.findMembership(tx, team.id, volunteerId);
  const volunteer = membership ? await repo.findVolunteer(tx, volunteerId) : undefined;
  if (!membership || !volunteer) throw new AppError('not_team_member');
  const from = team.leaderPersonId;
  if (from === volunteer.personId) return;
  if (!(await repo.updateTeamLeader(tx, { teamId: team.id, from, to: volunteer.personId }))) throw new AppError('conflict');
  const demoted = await repo.demoteLeaders(tx, team.id);
  const previousRole: TeamMemberRole = membership.role === 'leader' ? 'member' : membership.role;
  if (!(await repo.updateMemberRole(tx, { teamId: team.id, volunteerId, from: previousRole, to: 'leader' }))) throw new AppError('conflict');
  const now = deps.now();
  const change = { streetId: team.streetId, role: 'team_leader' as const, scopeType: 'team' as const, byAccountId: actor.accountId, reason, now };
  if (from) await revokeRoleFromPerson(tx, { ...change, personId: from, scopeId: team.id });
  await grantRoleToPerson(tx, { ...change, personId: volunteer.personId, scopeId: team.id });
  await appendAudit(tx, {
    streetId: team.streetId,
    actorAccountId: actor.accountId,
    action: 'team.leader.change',
    entityType: 'team',
    entityId: team.id,
    oldValue: { leaderPersonId: from, leaderVolunteerIds: demoted.map((d) => d.volunteerId).filter((id) => id !== volunteerId) },
    newValue: { leaderPersonId: volunteer.personId, leaderVolunteerId: volunteerId, previousRole },
    reason,
  });
}

/* ---------- teams: create, edit, leader, deputies ---------- */

/**
 * Creates a team (street admin anywhere in the street; community admin in their community), with
 * its first leader when one is named.
 * @throws unauthenticated | forbidden | validation_failed | duplicate_team_name
 */
export async function createTeam(deps: Deps, actorOrNone: Actor | undefined, input: TeamCreate): Promise<TeamDetail> {
  const actor = requireActor(actorOrNone);
  assertCanCreateTeam(actor, input.communityId);
  const id = newId('team');
  try {
    await withTransaction(deps.db, async (tx) => {
      if (input.communityId) {
        const community = await repo.findCommunity(tx, input.communityId);
        if (!community || community.streetId !== actor.streetId) throw unknownReference('communityId');
      }
      if (await repo.findTeamByName(tx, actor.streetId, input.name)) throw new AppError('duplicate_team_name');
      await repo.insertTeam(tx, {
        id,
        streetId: actor.streetId,
        communityId: input.communityId,
        name: input.name,
        nameBo: input.nameBo ?? null,
        nameEn: input.nameEn ?? null,
        domains: input.domains,
        slogan: input.slogan ?? null,
        sloganBo: input.sloganBo ?? null,
        story: input.story ?? null,
        storyBo: input.storyBo ?? null,
        foundedOn: input.foundedOn ?? null,
        createdAt: deps.now(),
      });
      if (input.leaderVolunteerId) {
        const leader = await repo.findVolunteer(tx, input.leaderVolunteerId);
        if (!leader || leader.streetId !== actor.streetId || leader.status !== 'active') throw unknownReference('leaderVolunteerId');
        await repo.insertMember(tx, { teamId: id, volunteerId: leader.id, streetId: actor.streetId, joinedAt: deps.now() });
        const team = await loadTeam(tx, actor, id);
        await assignLeader(tx, deps, actor, team, leader.id, 'team created');
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_team_name');
    throw err;
  }
  return getTeam(deps, id);
}

/**
 * Edits a team's brand page (staff in scope or the leader); moving it to another community is for
 * street admins.
 * @throws unauthenticated | not_found | forbidden | validation_failed | duplicate_team_name
 */
export async function updateTeam(deps: Deps, actorOrNone: Actor | undefined, input: { teamId: string; patch: TeamPatch }): Promise<TeamDetail> {
  const actor = requireActor(actorOrNone);
  const { patch } = input;
  try {
    await withTransaction(deps.db, async (tx) => {
      const team = await loadTeam(tx, actor, input.teamId, { forUpdate: true });
      assertAllowed(canEditTeam(await standingOf(tx, actor, team)));
      if (patch.communityId !== undefined) {
        assertCanMoveTeam(actor, team.communityId, patch.communityId);
        if (patch.communityId !== null && patch.communityId !== team.communityId) {
          const community = await repo.findCommunity(tx, patch.communityId);
          if (!community || community.streetId !== actor.streetId) throw unknownReference('communityId');
        }
      }
      if (patch.name !== undefined && patch.name !== team.name && (await repo.findTeamByName(tx, actor.streetId, patch.name, team.id))) {
        throw new AppError('duplicate_team_name');
      }
      const set: Partial<repo.TeamRow> = {};
      for (const key of ['name', 'nameBo', 'nameEn', 'communityId', 'domains', 'slogan', 'sloganBo', 'story', 'storyBo', 'foundedOn'] as const) {
        if (patch[key] !== undefined) (set as Record<string, unknown>)[key] = patch[key];
      }
      await repo.updateTeam(tx, team.id, set);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_team_name');
    throw err;
  }
  return getTeam(deps, input.teamId);
}

/**
 * Hands the team to another member (staff in scope, or the leader handing over); audited.
 * @throws unauthenticated | not_found | forbidden | not_team_member | conflict
 */
export async function setLeader(deps: Deps, actorOrNone: Actor | undefined, input: { teamId: string; volunteerId: string }): Promise<TeamDetail> {
  const actor = requireActor(actorOrNone);
  await withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId, { forUpdate: true });
    const standing = await standingOf(tx, actor, team);
    assertAllowed(canEditTeam(standing));
    await assignLeader(tx, deps, actor, team, input.volunteerId, standing.leader && !standing.staff ? 'handed over by the leader' : 'appointed by staff');
  });
  return getTeam(deps, input.teamId);
}

async function memberItem(tx: Tx, teamId: string, volunteerId: string): Promise<TeamMember> {
  const rows = await repo.listMembers(tx, { teamId });
  const row = rows.find((r) => r.volunteer_id === volunteerId);
  if (!row) throw new AppError('not_found');
  return presentMember(row, true);
}

/**
 * Appoints a member as deputy (staff in scope or the leader); audited. Appointing a deputy again changes nothing.
 * @throws unauthenticated | not_found | forbidden | not_team_member | invalid_transition | conflict
 */
export async function addDeputy(deps: Deps, actorOrNone: Actor | undefined, input: { teamId: string; volunteerId: string }): Promise<TeamMember> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId, { forUpdate: true });
    assertAllowed(canAppointDeputies(await standingOf(tx, actor, team)));
    const membership = await repo.findMembership(tx, team.id, input.volunteerId);
    if (!membership) throw new AppError('not_team_member');
    if (membership.role === 'leader') throw new AppError('invalid_transition', { from: 'leader', action: 'deputy' });
    if (membership.role === 'member') {
      if (!(await repo.updateMemberRole(tx, { teamId: team.id, volunteerId: input.volunteerId, from: 'member', to: 'deputy' }))) throw new AppError('conflict');
      await appendAudit(tx, {
        streetId: team.streetId,
        actorAccountId: actor.accountId,
        action: 'team.deputy.add',
        entityType: 'team',
        entityId: team.id,
        oldValue: { volunteerId: input.volunteerId, role: 'member' },
        newValue: { volunteerId: input.volunteerId, role: 'deputy' },
      });
    }
    return memberItem(tx, team.id, input.volunteerId);
  });
}

/**
 * Ends a deputy's appointment (staff in scope or the leader); audited.
 * @throws unauthenticated | not_found | forbidden
 */
export async function removeDeputy(deps: Deps, actorOrNone: Actor | undefined, input: { teamId: string; volunteerId: string }): Promise<void> {
  const actor = requireActor(actorOrNone);
  await withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId, { forUpdate: true });
    assertAllowed(canAppointDeputies(await standingOf(tx, actor, team)));
    if (!(await repo.updateMemberRole(tx, { teamId: team.id, volunteerId: input.volunteerId, from: 'deputy', to: 'member' }))) throw new AppError('not_found');
    await appendAudit(tx, {
      streetId: team.streetId,
      actorAccountId: actor.accountId,
      action: 'team.deputy.remove',
      entityType: 'team',
      entityId: team.id,
      oldValue: { volunteerId: input.volunteerId, role: 'deputy' },
      newValue: { volunteerId: input.volunteerId, role: 'member' },
    });
  });
}

/* ---------- logo ---------- */

/** What the route read from the request: the file's bytes and the type the client claimed. */
export interface UploadedFile {
  bytes: Buffer;
  declaredType: string | undefined;
}

/**
 * Stores a team's logo (staff in scope or the leader). The request body is read only after the
 * access check; the type comes from the magic bytes and must agree with what the client declared.
 * @throws unauthenticated | not_found | forbidden | validation_failed | payload_too_large | unsupported_image_type
 */
export async function uploadLogo(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; read: () => Promise<UploadedFile> },
): Promise<TeamLogo> {
  const actor = requireActor(actorOrNone);
  const team = await loadTeam(deps.db, actor, input.teamId);
  assertAllowed(canEditTeam(await standingOf(deps.db, actor, team)));
  const { bytes, declaredType } = await input.read();
  if (bytes.length === 0) throw new AppError('validation_failed', {}, { fields: [{ field: 'logo', key: 'required' }] });
  if (bytes.length > TEAM_LOGO_MAX_BYTES) throw new AppError('payload_too_large', { limit: `${TEAM_LOGO_MAX_BYTES / 1024} KB` });
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new AppError('unsupported_image_type');
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== contentType) throw new AppError('unsupported_image_type');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await withTransaction(deps.db, async (tx) => {
    await repo.upsertLogo(tx, {
      teamId: team.id,
      streetId: team.streetId,
      contentType,
      bytes,
      byteSize: bytes.length,
      sha256,
      uploadedByAccountId: actor.accountId,
      uploadedAt: deps.now(),
    });
    await repo.updateTeam(tx, team.id, { logoPath: `logo_${sha256.slice(0, 16)}` });
  });
  return { logoUrl: `/api/v1/teams/${team.id}/logo`, contentType, byteSize: bytes.length };
}

/**
 * A team's logo (public).
 * @throws not_found
 */
export async function getLogo(deps: Deps, teamId: string): Promise<{ contentType: string; bytes: Buffer; etag: string; uploadedAt: Date }> {
  const logo = await repo.findLogo(deps.db, teamId);
  if (!logo) throw new AppError('not_found');
  return { contentType: logo.contentType, bytes: logo.bytes, etag: `"${logo.sha256}"`, uploadedAt: logo.uploadedAt };
}

/* ---------- members ---------- */

/**
 * A team's members (signed-in callers): leader, deputies, members. Names are masked outside the
 * caller's community, except for staff in scope and the team's leader.
 * @throws unauthenticated | not_found | validation_failed (bad cursor)
 */
export async function listMembers(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; role?: TeamMemberRole; limit: number; cursor?: string },
): Promise<Page<TeamMember>> {
  const actor = requireActor(actorOrNone);
  const team = await loadTeam(deps.db, actor, input.teamId);
  const key = decodeCursor(input.cursor, 2);
  if (key && (typeof key[0] !== 'number' || typeof key[1] !== 'string')) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'cursor', key: 'invalid_format' }] });
  }
  const rows = await repo.listMembers(deps.db, {
    teamId: team.id,
    limit: input.limit,
    ...(input.role ? { role: input.role } : {}),
    ...(key ? { after: key as [number, string] } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.rank, r.volunteer_no]);
  const seesAll = staffInScope(actor, team) || (team.leaderPersonId !== null && team.leaderPersonId === actor.personId);
  const inView = communitiesInView(actor);
  const full = (communityId: string | null) => seesAll || inView === 'all' || (communityId !== null && inView.has(communityId));
  return { items: page.items.map((r) => presentMember(r, full(r.community_id))), nextCursor: page.nextCursor };
}

/**
 * The caller leaves the team. A leader must hand the team over first.
 * @throws unauthenticated | not_found | leader_must_hand_over | conflict
 */
export async function leaveTeam(deps: Deps, actorOrNone: Actor | undefined, teamId: string): Promise<void> {
  const actor = requireActor(actorOrNone);
  await withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, teamId, { forUpdate: true });
    const volunteer = await repo.findVolunteerOfPerson(tx, actor.personId);
    const membership = volunteer ? await repo.findMembership(tx, team.id, volunteer.id) : undefined;
    if (!volunteer || !membership) throw new AppError('not_found');
    if (membership.role === 'leader' || team.leaderPersonId === actor.personId) throw new AppError('leader_must_hand_over');
    const removed = await repo.deleteNonLeaderMember(tx, team.id, volunteer.id);
    if (!removed) throw new AppError('conflict');
    if (removed.role === 'deputy') {
      await appendAudit(tx, {
        streetId: team.streetId,
        actorAccountId: actor.accountId,
        action: 'team.deputy.remove',
        entityType: 'team',
        entityId: team.id,
        oldValue: { volunteerId: volunteer.id, role: 'deputy' },
        newValue: null,
        reason: 'left the team',
      });
    }
  });
}

/* ---------- applications ---------- */

async function applicationItem(tx: Tx, id: string): Promise<TeamApplication> {
  const [row] = await repo.listApplications(tx, { id, limit: 1 });
  if (!row) throw new AppError('not_found');
  return presentApplication(row);
}

/**
 * A volunteer applies to join a team.
 * @throws unauthenticated | not_found | forbidden (not a volunteer) | already_team_member | team_request_pending
 */
export async function applyToTeam(deps: Deps, actorOrNone: Actor | undefined, input: { teamId: string; message?: string }): Promise<TeamApplication> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId);
    const volunteer = await ownVolunteer(tx, actor);
    if (await repo.findMembership(tx, team.id, volunteer.id)) throw new AppError('already_team_member');
    if (await repo.findPendingInvitation(tx, team.id, volunteer.id)) throw new AppError('team_request_pending');
    const inserted = await repo.insertApplication(tx, {
      id: newId('tap'),
      streetId: team.streetId,
      teamId: team.id,
      volunteerId: volunteer.id,
      message: input.message ?? null,
      createdAt: deps.now(),
    });
    if (!inserted) throw new AppError('team_request_pending');
    return applicationItem(tx, inserted.id);
  });
}

/**
 * A team's applications (leader, deputies, staff in scope), newest first.
 * @throws unauthenticated | not_found | forbidden | validation_failed (bad cursor)
 */
export async function listTeamApplications(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; status?: TeamApplicationStatus; limit: number; cursor?: string },
): Promise<Page<TeamApplication>> {
  const actor = requireActor(actorOrNone);
  const team = await loadTeam(deps.db, actor, input.teamId);
  assertAllowed(canManageMembers(await standingOf(deps.db, actor, team)));
  const after = afterKey(input.cursor);
  const rows = await repo.listApplications(deps.db, {
    teamId: team.id,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, createdKey);
  return { items: page.items.map(presentApplication), nextCursor: page.nextCursor };
}

/** The caller's own applications, newest first (empty for a caller who is not a volunteer). */
export async function listMyApplications(deps: Deps, actorOrNone: Actor | undefined, input: { status?: TeamApplicationStatus; limit: number; cursor?: string }): Promise<Page<TeamApplication>> {
  const actor = requireActor(actorOrNone);
  const after = afterKey(input.cursor);
  const volunteer = await repo.findVolunteerOfPerson(deps.db, actor.personId);
  if (!volunteer) return { items: [], nextCursor: null };
  const rows = await repo.listApplications(deps.db, {
    volunteerId: volunteer.id,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, createdKey);
  return { items: page.items.map(presentApplication), nextCursor: page.nextCursor };
}

type ApplicationDecision = { action: 'approve' } | { action: 'reject'; reason: string } | { action: 'withdraw' };

/**
 * Approves or rejects an application (leader, deputies, staff in scope), or withdraws it (the
 * applicant). Compare and set on `pending`: a decided application is 409. Approval makes the
 * volunteer a member in the same transaction.
 * @throws unauthenticated | not_found | forbidden | invalid_transition
 */
export async function decideApplication(deps: Deps, actorOrNone: Actor | undefined, input: { applicationId: string } & ApplicationDecision): Promise<TeamApplication> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const application = await repo.findApplication(tx, input.applicationId);
    const team = application ? await repo.findTeam(tx, application.teamId) : undefined;
    if (!application || !team || team.streetId !== actor.streetId) throw new AppError('not_found');
    const standing = await standingOf(tx, actor, team);
    const own = standing.volunteerId === application.volunteerId;
    const allowed = input.action === 'withdraw' ? own : canManageMembers(standing);
    if (!allowed) throw new AppError(own || canManageMembers(standing) ? 'forbidden' : 'not_found');
    const now = deps.now();
    const to = input.action === 'approve' ? 'approved' : input.action === 'reject' ? 'rejected' : 'withdrawn';
    const decided = await repo.decideApplication(tx, {
      id: application.id,
      to,
      byAccountId: actor.accountId,
      at: now,
      ...(input.action === 'reject' ? { reason: input.reason } : {}),
    });
    if (!decided) {
      const current = await repo.findApplication(tx, application.id);
      throw new AppError('invalid_transition', { from: current?.status ?? application.status, action: input.action });
    }
    if (to === 'approved') {
      await repo.insertMember(tx, { teamId: team.id, volunteerId: application.volunteerId, streetId: team.streetId, joinedAt: now });
      await repo.cancelPendingInvitations(tx, { teamId: team.id, volunteerId: application.volunteerId, at: now });
    }
    return applicationItem(tx, application.id);
  });
}

/* ---------- invitations ---------- */

async function invitationItem(tx: Tx, id: string): Promise<TeamInvitation> {
  const [row] = await repo.listInvitations(tx, { id, limit: 1 });
  if (!row) throw new AppError('not_found');
  return presentInvitation(row);
}

/**
 * The team invites a volunteer (leader, deputies, staff in scope).
 * @throws unauthenticated | not_found | forbidden | validation_failed | already_team_member | team_request_pending
 */
export async function inviteVolunteer(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; volunteerId: string; message?: string },
): Promise<TeamInvitation> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId);
    assertAllowed(canManageMembers(await standingOf(tx, actor, team)));
    const volunteer = await repo.findVolunteer(tx, input.volunteerId);
    if (!volunteer || volunteer.streetId !== team.streetId || volunteer.status !== 'active') throw unknownReference('volunteerId');
    if (await repo.findMembership(tx, team.id, volunteer.id)) throw new AppError('already_team_member');
    if (await repo.findPendingApplication(tx, team.id, volunteer.id)) throw new AppError('team_request_pending');
    const inserted = await repo.insertInvitation(tx, {
      id: newId('tin'),
      streetId: team.streetId,
      teamId: team.id,
      volunteerId: volunteer.id,
      message: input.message ?? null,
      invitedByAccountId: actor.accountId,
      createdAt: deps.now(),
    });
    if (!inserted) throw new AppError('team_request_pending');
    return invitationItem(tx, inserted.id);
  });
}

/**
 * A team's invitations (leader, deputies, staff in scope), newest first.
 * @throws unauthenticated | not_found | forbidden | validation_failed (bad cursor)
 */
export async function listTeamInvitations(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; status?: TeamInvitationStatus; limit: number; cursor?: string },
): Promise<Page<TeamInvitation>> {
  const actor = requireActor(actorOrNone);
  const team = await loadTeam(deps.db, actor, input.teamId);
  assertAllowed(canManageMembers(await standingOf(deps.db, actor, team)));
  const after = afterKey(input.cursor);
  const rows = await repo.listInvitations(deps.db, {
    teamId: team.id,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, createdKey);
  return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
}

/** Invitations addressed to the caller, newest first (empty for a caller who is not a volunteer). */
export async function listMyInvitations(deps: Deps, actorOrNone: Actor | undefined, input: { status?: TeamInvitationStatus; limit: number; cursor?: string }): Promise<Page<TeamInvitation>> {
  const actor = requireActor(actorOrNone);
  const after = afterKey(input.cursor);
  const volunteer = await repo.findVolunteerOfPerson(deps.db, actor.personId);
  if (!volunteer) return { items: [], nextCursor: null };
  const rows = await repo.listInvitations(deps.db, {
    volunteerId: volunteer.id,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, createdKey);
  return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
}

/**
 * The invited volunteer accepts (and becomes a member) or declines. Compare and set on `pending`.
 * @throws unauthenticated | not_found | forbidden | invalid_transition
 */
export async function answerInvitation(deps: Deps, actorOrNone: Actor | undefined, input: { invitationId: string; action: 'accept' | 'decline' }): Promise<TeamInvitation> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const invitation = await repo.findInvitation(tx, input.invitationId);
    const team = invitation ? await repo.findTeam(tx, invitation.teamId) : undefined;
    if (!invitation || !team || team.streetId !== actor.streetId) throw new AppError('not_found');
    const standing = await standingOf(tx, actor, team);
    if (standing.volunteerId !== invitation.volunteerId) throw new AppError(canManageMembers(standing) ? 'forbidden' : 'not_found');
    const now = deps.now();
    const decided = await repo.decideInvitation(tx, { id: invitation.id, to: input.action === 'accept' ? 'accepted' : 'declined', at: now });
    if (!decided) {
      const current = await repo.findInvitation(tx, invitation.id);
      throw new AppError('invalid_transition', { from: current?.status ?? invitation.status, action: input.action });
    }
    if (input.action === 'accept') {
      await repo.insertMember(tx, { teamId: team.id, volunteerId: invitation.volunteerId, streetId: team.streetId, joinedAt: now });
      await repo.withdrawPendingApplications(tx, { teamId: team.id, volunteerId: invitation.volunteerId, at: now });
    }
    return invitationItem(tx, invitation.id);
  });
}

/* ---------- roster ---------- */

/**
 * The team's roster as xlsx or CSV (staff in scope and the leader), headers in the caller's
 * language, phones masked (DR-21).
 * @throws unauthenticated | not_found | forbidden
 */
export async function exportRoster(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { teamId: string; format: 'xlsx' | 'csv'; lang: UiLang },
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const actor = requireActor(actorOrNone);
  const team = await loadTeam(deps.db, actor, input.teamId);
  assertAllowed(canExportRoster(await standingOf(deps.db, actor, team)));
  const rows: RosterRow[] = (await repo.listMembers(deps.db, { teamId: team.id })).map((r) => ({
    volunteerNo: r.volunteer_no,
    name: r.name,
    nameBo: r.name_bo,
    role: r.role,
    gender: r.gender,
    phoneMasked: r.phone_masked,
    skills: r.skills,
    languages: r.languages,
    star: r.star,
    verifiedMinutes: r.verified_minutes,
    joinedOn: isoWithOffset(new Date(r.joined_at)).slice(0, 10),
  }));
  const date = isoWithOffset(deps.now()).slice(0, 10);
  if (input.format === 'csv') {
    return { filename: `roster-${team.id}-${date}.csv`, contentType: 'text/csv; charset=utf-8', body: rosterCsv(rows, input.lang) };
  }
  return {
    filename: `roster-${team.id}-${date}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await rosterXlsx(rows, input.lang, team.name),
  };
}
