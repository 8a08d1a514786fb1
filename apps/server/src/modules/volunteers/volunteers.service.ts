import { maskName, type Skill, type VolunteerListItem } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { communitiesInView, requireActor } from '../../platform/auth/actor.js';
import type { Deps } from '../../platform/deps.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import * as repo from './volunteers.repository.js';

/**
 * The volunteer registry, filtered and paginated; names are masked for callers outside the
 * volunteer's community (street admins see all).
 * @throws unauthenticated | validation_failed (bad cursor)
 */
export async function listVolunteers(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { communityId?: string; teamId?: string; skill?: Skill; q?: string; limit: number; cursor?: string },
): Promise<{ items: VolunteerListItem[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const afterNo = decodeCursor(input.cursor, 1)?.[0] as string | undefined;
  const rows = await repo.listVolunteers(deps.db, {
    streetId: actor.streetId,
    limit: input.limit,
    ...(input.communityId ? { communityId: input.communityId } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    ...(input.skill ? { skill: input.skill } : {}),
    ...(input.q ? { q: input.q } : {}),
    ...(afterNo ? { afterNo } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.volunteerNo]);
  const inView = communitiesInView(actor);
  const visible = (communityId: string | null) => inView === 'all' || (communityId !== null && inView.has(communityId));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      volunteerNo: r.volunteerNo,
      name: visible(r.communityId) ? r.name : maskName(r.name),
      nameBo: r.nameBo === null ? null : visible(r.communityId) ? r.nameBo : maskName(r.nameBo),
      communityId: r.communityId,
      teamIds: r.teamIds,
      skills: r.skills as VolunteerListItem['skills'],
      languages: r.languages as VolunteerListItem['languages'],
      star: r.star,
      verifiedMinutes: r.verifiedMinutes,
    })),
    nextCursor: page.nextCursor,
  };
}
