import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { persons, volunteers } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export interface VolunteerFilter {
  streetId: string;
  communityId?: string;
  teamId?: string;
  skill?: string;
  q?: string;
  afterNo?: string;
  limit: number;
}

/** Escapes LIKE wildcards so a search for "50%" matches the text, not everything. */
const likeSafe = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listVolunteers(tx: Tx, f: VolunteerFilter) {
  const conds: (SQL | undefined)[] = [eq(volunteers.streetId, f.streetId), eq(volunteers.status, 'active')];
  if (f.communityId) conds.push(eq(persons.communityId, f.communityId));
  if (f.teamId) conds.push(sql`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = volunteers.id AND m.team_id = ${f.teamId})`);
  if (f.skill) conds.push(sql`volunteers.skills @> ARRAY[${f.skill}]::text[]`);
  if (f.q) {
    const q = likeSafe(f.q);
    conds.push(
      or(
        ilike(persons.name, `%${q}%`),
        ilike(persons.nameBo, `%${q}%`),
        /^[a-z]+$/i.test(f.q) ? ilike(persons.nameInitials, `${q.toLowerCase()}%`) : undefined,
        eq(volunteers.volunteerNo, f.q),
      ),
    );
  }
  if (f.afterNo) conds.push(gt(volunteers.volunteerNo, f.afterNo));
  return tx
    .select({
      id: volunteers.id,
      volunteerNo: volunteers.volunteerNo,
      name: persons.name,
      nameBo: persons.nameBo,
      communityId: persons.communityId,
      skills: volunteers.skills,
      languages: volunteers.languages,
      star: volunteers.star,
      verifiedMinutes: volunteers.verifiedMinutes,
      teamIds: sql<string[]>`coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_members m WHERE m.volunteer_id = volunteers.id), '{}')`,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(...conds))
    .orderBy(asc(volunteers.volunteerNo))
    .limit(f.limit + 1);
}
