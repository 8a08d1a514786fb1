import { maskName, type TeamApplication, type TeamInvitation, type TeamMember } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import type { ApplicationListRow, InvitationListRow, MemberListRow } from './teams.repository.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v));

/** A member; the name masked unless `fullName` (staff in scope, the leader, or the caller's own community). */
export function presentMember(r: MemberListRow, fullName: boolean): TeamMember {
  return {
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: fullName ? r.name : maskName(r.name),
    nameBo: r.name_bo === null ? null : fullName ? r.name_bo : maskName(r.name_bo),
    communityId: r.community_id,
    role: r.role,
    joinedAt: isoWithOffset(toDate(r.joined_at)),
    skills: r.skills as TeamMember['skills'],
    languages: r.languages as TeamMember['languages'],
    star: r.star,
    verifiedMinutes: r.verified_minutes,
  };
}

/** An application as its deciders and its applicant see it (both may see the applicant's name). */
export function presentApplication(r: ApplicationListRow): TeamApplication {
  return {
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    nameBo: r.name_bo,
    communityId: r.community_id,
    skills: r.skills as TeamApplication['skills'],
    star: r.star,
    message: r.message,
    status: r.status,
    reason: r.reason,
    createdAt: isoWithOffset(toDate(r.created_at)),
    decidedAt: isoOrNull(toDateOrNull(r.decided_at)),
  };
}

export function presentInvitation(r: InvitationListRow): TeamInvitation {
  return {
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    teamNameBo: r.team_name_bo,
    volunteerId: r.volunteer_id,
    name: r.name,
    nameBo: r.name_bo,
    message: r.message,
    status: r.status,
    createdAt: isoWithOffset(toDate(r.created_at)),
    decidedAt: isoOrNull(toDateOrNull(r.decided_at)),
  };
}
