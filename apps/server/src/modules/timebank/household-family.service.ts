import { sql } from 'drizzle-orm';
import type { HouseholdFamily } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isoWithOffset } from '../../platform/http/time.js';
import { ageAt } from './timebank.service.js';

type Relation = HouseholdFamily['relations'][number]['relation'];

/**
 * A household's members and the family relations recorded between them, for the staff who record
 * relations (street admin; community admin of the household's community). Other roles 403, a
 * household outside the caller's communities 404.
 */
export async function householdFamily(deps: Deps, actorOrNone: Actor | undefined, householdId: string): Promise<HouseholdFamily> {
  const actor = requireActor(actorOrNone);
  const street = hasRole(actor, 'street_admin');
  const communities = scopeIdsOf(actor, 'community_admin');
  if (!street && !communities.length) throw new AppError('forbidden');
  const [household] = await queryRows<{ id: string; community_id: string; address: string }>(
    deps.db,
    sql`SELECT id, community_id, address FROM households WHERE street_id = ${actor.streetId} AND id = ${householdId}`,
  );
  if (!household || (!street && !communities.includes(household.community_id))) throw new AppError('not_found');
  const members = await queryRows<{ id: string; name: string; birth_date: string | null; birth_year: number | null }>(
    deps.db,
    sql`SELECT id, name, birth_date::text AS birth_date, birth_year FROM persons
        WHERE street_id = ${actor.streetId} AND household_id = ${household.id} ORDER BY birth_date NULLS LAST, id LIMIT 200`,
  );
  const relations = await queryRows<{ person_id: string; relative_person_id: string; relation: Relation; created_at: Date | string }>(
    deps.db,
    sql`SELECT r.person_id, r.relative_person_id, r.relation, r.created_at FROM family_relations r
        JOIN persons p ON p.id = r.person_id WHERE p.household_id = ${household.id} AND r.street_id = ${actor.streetId}
        ORDER BY r.created_at, r.person_id, r.relative_person_id`,
  );
  const now = deps.now();
  return {
    householdId: household.id,
    address: household.address,
    members: members.map((m) => ({
      personId: m.id,
      name: m.name,
      age: ageAt({ birthDate: m.birth_date, birthYear: m.birth_year === null ? null : Number(m.birth_year) }, now),
    })),
    relations: relations.map((r) => ({
      personId: r.person_id,
      relativePersonId: r.relative_person_id,
      relation: r.relation,
      createdAt: isoWithOffset(r.created_at instanceof Date ? r.created_at : new Date(r.created_at)),
    })),
  };
}
