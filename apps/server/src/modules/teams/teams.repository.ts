import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TeamApplicationStatus, TeamInvitationStatus, TeamMemberRole } from '@duodi/contracts';
import { communities, teamApplications, teamInvitations, teamLogos, teamMembers, teams, volunteers } from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export type TeamRow = typeof teams.$inferSelect;
export type ApplicationRow = typeof teamApplications.$inferSelect;
export type InvitationRow = typeof teamInvitations.$inferSelect;

/* ---------- teams ---------- */

export async function findTeam(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<TeamRow | undefined> {
  const q = tx.select().from(teams).where(eq(teams.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findTeamByName(tx: Tx, streetId: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.streetId, streetId), eq(teams.name, name), exceptId ? sql`${teams.id} <> ${exceptId}` : undefined))
    .limit(1);
  return row;
}

export async function findCommunity(tx: Tx, id: string) {
  const [row] = await tx.select({ id: communities.id, streetId: communities.streetId }).from(communities).where(eq(communities.id, id)).limit(1);
  return row;
}

export async function insertTeam(tx: Tx, row: typeof teams.$inferInsert) {
  await tx.insert(teams).values(row);
}

export async function updateTeam(tx: Tx, id: string, patch: Partial<typeof teams.$inferInsert>) {
  const [row] = await tx.update(teams).set(patch).where(eq(teams.id, id)).returning();
  return row;
}

/** Compare and set on the leader: only when the team still has the leader the caller saw. */
export async function updateTeamLeader(tx: Tx, input: { teamId: string; from: string | null; to: string }) {
  const [row] = await tx
    .update(teams)
    .set({ leaderPersonId: input.to })
    .where(and(eq(teams.id, input.teamId), sql`${teams.leaderPersonId} IS NOT DISTINCT FROM ${input.from}`))
    .returning({ id: teams.id });
  return row;
}

/* ---------- volunteers and memberships ---------- */

export async function findVolunteerOfPerson(tx: Tx, personId: string) {
  const [row] = await tx
    .select({ id: volunteers.id, personId: volunteers.personId, streetId: volunteers.streetId, status: volunteers.status })
    .from(volunteers)
    .where(eq(volunteers.personId, personId))
    .limit(1);
  return row;
}

export async function findVolunteer(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: volunteers.id, personId: volunteers.personId, streetId: volunteers.streetId, status: volunteers.status })
    .from(volunteers)
    .where(eq(volunteers.id, id))
    .limit(1);
  return row;
}

export async function findMembership(tx: Tx, teamId: string, volunteerId: string) {
  const [row] = await tx
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.volunteerId, volunteerId)))
    .limit(1);
  return row;
}

/** Adds a member; a volunteer who is already a member is left as is. Returns whether a row was added. */
export async function insertMember(tx: Tx, row: { teamId: string; volunteerId: string; streetId: string; joinedAt: Date }): Promise<boolean> {
  const added = await tx.insert(teamMembers).values({ ...row, role: 'member' }).onConflictDoNothing().returning({ teamId: teamMembers.teamId });
  return added.length > 0;
}

/** Compare and set on a member's role. */
export async function updateMemberRole(tx: Tx, input: { teamId: string; volunteerId: string; from: TeamMemberRole; to: TeamMemberRole }) {
  const [row] = await tx
    .update(teamMembers)
    .set({ role: input.to })
    .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.volunteerId, input.volunteerId), eq(teamMembers.role, input.from)))
    .returning();
  return row;
}

/** Every current `leader` row of the team becomes a plain member (used when the leader changes). */
export async function demoteLeaders(tx: Tx, teamId: string) {
  return tx
    .update(teamMembers)
    .set({ role: 'member' })
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'leader')))
    .returning({ volunteerId: teamMembers.volunteerId });
}

/** Removes a member who is not the leader; undefined when there was no such row. */
export async function deleteNonLeaderMember(tx: Tx, teamId: string, volunteerId: string) {
  const [row] = await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.volunteerId, volunteerId), sql`${teamMembers.role} <> 'leader'`))
    .returning();
  return row;
}

export interface MemberListRow {
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  name_bo: string | null;
  community_id: string | null;
  role: TeamMemberRole;
  joined_at: Date | string;
  skills: string[];
  languages: string[];
  star: number;
  verified_minutes: number;
  phone_masked: string | null;
  gender: 'male' | 'female' | null;
  rank: number;
}

/** Members ordered leader, deputies, members, then by volunteer number; keyset after (rank, volunteerNo). */
export async function listMembers(tx: Tx, input: { teamId: string; role?: TeamMemberRole; after?: [number, string]; limit?: number }) {
  const conds: SQL[] = [sql`m.team_id = ${input.teamId}`];
  if (input.role) conds.push(sql`m.role = ${input.role}`);
  if (input.after) conds.push(sql`(CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, v.volunteer_no) > (${input.after[0]}::int, ${input.after[1]}::text)`);
  return queryRows<MemberListRow>(
    tx,
    sql`SELECT m.volunteer_id, v.volunteer_no, p.name, p.name_bo, p.community_id, m.role, m.joined_at, v.skills, v.languages,
          v.star, v.verified_minutes, p.phone_masked, p.gender,
          CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END AS rank
        FROM team_members m
        JOIN volunteers v ON v.id = m.volunteer_id
        JOIN persons p ON p.id = v.person_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY rank, v.volunteer_no
        ${input.limit !== undefined ? sql`LIMIT ${input.limit + 1}` : sql``}`,
  );
}

/* ---------- applications ---------- */

export async function insertApplication(tx: Tx, row: typeof teamApplications.$inferInsert) {
  const [inserted] = await tx.insert(teamApplications).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findApplication(tx: Tx, id: string) {
  const [row] = await tx.select().from(teamApplications).where(eq(teamApplications.id, id)).limit(1);
  return row;
}

export async function findPendingApplication(tx: Tx, teamId: string, volunteerId: string) {
  const [row] = await tx
    .select({ id: teamApplications.id })
    .from(teamApplications)
    .where(and(eq(teamApplications.teamId, teamId), eq(teamApplications.volunteerId, volunteerId), eq(teamApplications.status, 'pending')))
    .limit(1);
  return row;
}

/** Compare and set: decides a pending application; undefined when it was no longer pending. */
export async function decideApplication(
  tx: Tx,
  input: { id: string; to: Exclude<TeamApplicationStatus, 'pending'>; byAccountId: string; at: Date; reason?: string },
) {
  const [row] = await tx
    .update(teamApplications)
    .set({ status: input.to, decidedByAccountId: input.byAccountId, decidedAt: input.at, reason: input.reason ?? null })
    .where(and(eq(teamApplications.id, input.id), eq(teamApplications.status, 'pending')))
    .returning();
  return row;
}

export async function withdrawPendingApplications(tx: Tx, input: { teamId: string; volunteerId: string; at: Date }) {
  await tx
    .update(teamApplications)
    .set({ status: 'withdrawn', decidedAt: input.at })
    .where(and(eq(teamApplications.teamId, input.teamId), eq(teamApplications.volunteerId, input.volunteerId), eq(teamApplications.status, 'pending')));
}

export interface ApplicationListRow {
  id: string;
  team_id: string;
  team_name: string;
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  name_bo: string | null;
  community_id: string | null;
  skills: string[];
  star: number;
  message: string | null;
  status: TeamApplicationStatus;
  reason: string | null;
  created_at: Date | string;
  decided_at: Date | string | null;
}

/** Applications of a team or of a volunteer, newest first; keyset after (createdAt, id). */
export async function listApplications(
  tx: Tx,
  input: { teamId?: string; volunteerId?: string; id?: string; status?: TeamApplicationStatus; after?: [string, string]; limit: number },
) {
  const conds: SQL[] = [];
  if (input.teamId) conds.push(sql`a.team_id = ${input.teamId}`);
  if (input.volunteerId) conds.push(sql`a.volunteer_id = ${input.volunteerId}`);
  if (input.id) conds.push(sql`a.id = ${input.id}`);
  if (input.status) conds.push(sql`a.status = ${input.status}`);
  if (input.after) conds.push(sql`(a.created_at, a.id) < (${input.after[0]}::timestamptz, ${input.after[1]}::text)`);
  return queryRows<ApplicationListRow>(
    tx,
    sql`SELECT a.id, a.team_id, t.name AS team_name, a.volunteer_id, v.volunteer_no, p.name, p.name_bo, p.community_id,
          v.skills, v.star, a.message, a.status, a.reason, a.created_at, a.decided_at
        FROM team_applications a
        JOIN teams t ON t.id = a.team_id
        JOIN volunteers v ON v.id = a.volunteer_id
        JOIN persons p ON p.id = v.person_id
        WHERE ${conds.length ? sql.join(conds, sql` AND `) : sql`true`}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT ${input.limit + 1}`,
  );
}

/* ---------- invitations ---------- */

export async function insertInvitation(tx: Tx, row: typeof teamInvitations.$inferInsert) {
  const [inserted] = await tx.insert(teamInvitations).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findInvitation(tx: Tx, id: string) {
  const [row] = await tx.select().from(teamInvitations).where(eq(teamInvitations.id, id)).limit(1);
  return row;
}

export async function findPendingInvitation(tx: Tx, teamId: string, volunteerId: string) {
  const [row] = await tx
    .select({ id: teamInvitations.id })
    .from(teamInvitations)
    .where(and(eq(teamInvitations.teamId, teamId), eq(teamInvitations.volunteerId, volunteerId), eq(teamInvitations.status, 'pending')))
    .limit(1);
  return row;
}

/** Compare and set: answers a pending invitation; undefined when it was no longer pending. */
export async function decideInvitation(tx: Tx, input: { id: string; to: Exclude<TeamInvitationStatus, 'pending'>; at: Date }) {
  const [row] = await tx
    .update(teamInvitations)
    .set({ status: input.to, decidedAt: input.at })
    .where(and(eq(teamInvitations.id, input.id), eq(teamInvitations.status, 'pending')))
    .returning();
  return row;
}

export async function cancelPendingInvitations(tx: Tx, input: { teamId: string; volunteerId: string; at: Date }) {
  await tx
    .update(teamInvitations)
    .set({ status: 'cancelled', decidedAt: input.at })
    .where(and(eq(teamInvitations.teamId, input.teamId), eq(teamInvitations.volunteerId, input.volunteerId), eq(teamInvitations.status, 'pending')));
}

export interface InvitationListRow {
  id: string;
  team_id: string;
  team_name: string;
  team_name_bo: string | null;
  volunteer_id: string;
  name: string;
  name_bo: string | null;
  community_id: string | null;
  message: string | null;
  status: TeamInvitationStatus;
  created_at: Date | string;
  decided_at: Date | string | null;
}

export async function listInvitations(
  tx: Tx,
  input: { teamId?: string; volunteerId?: string; id?: string; status?: TeamInvitationStatus; after?: [string, string]; limit: number },
) {
  const conds: SQL[] = [];
  if (input.teamId) conds.push(sql`i.team_id = ${input.teamId}`);
  if (input.volunteerId) conds.push(sql`i.volunteer_id = ${input.volunteerId}`);
  if (input.id) conds.push(sql`i.id = ${input.id}`);
  if (input.status) conds.push(sql`i.status = ${input.status}`);
  if (input.after) conds.push(sql`(i.created_at, i.id) < (${input.after[0]}::timestamptz, ${input.after[1]}::text)`);
  return queryRows<InvitationListRow>(
    tx,
    sql`SELECT i.id, i.team_id, t.name AS team_name, t.name_bo AS team_name_bo, i.volunteer_id, p.name, p.name_bo, p.community_id,
          i.message, i.status, i.created_at, i.decided_at
        FROM team_invitations i
        JOIN teams t ON t.id = i.team_id
        JOIN volunteers v ON v.id = i.volunteer_id
        JOIN persons p ON p.id = v.person_id
        WHERE ${conds.length ? sql.join(conds, sql` AND `) : sql`true`}
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT ${input.limit + 1}`,
  );
}

/* ---------- logo ---------- */

export async function upsertLogo(tx: Tx, row: typeof teamLogos.$inferInsert) {
  await tx
    .insert(teamLogos)
    .values(row)
    .onConflictDoUpdate({
      target: teamLogos.teamId,
      set: {
        contentType: row.contentType,
        bytes: row.bytes,
        byteSize: row.byteSize,
        sha256: row.sha256,
        uploadedByAccountId: row.uploadedByAccountId ?? null,
        uploadedAt: row.uploadedAt ?? new Date(),
      },
    });
}

export async function findLogo(tx: Tx, teamId: string) {
  const [row] = await tx.select().from(teamLogos).where(eq(teamLogos.teamId, teamId)).limit(1);
  return row;
}
