import { useInfiniteQuery } from '@tanstack/react-query';
import type { PartyMemberStatus, UnitPartyMember } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type UnitPartyMembersQuery = { period: string; status?: PartyMemberStatus };

export function getUnitPartyMembers(unitId: string, query: UnitPartyMembersQuery & { cursor?: string }): Promise<Page<UnitPartyMember>> {
  return apiRequest<Page<UnitPartyMember>>(`/api/v1/units/${encodeURIComponent(unitId)}/party-members`, {
    query: { limit: 100, ...query },
  });
}

/** DR-18: a unit's party members in a period, with those not reported or without service. */
export function useUnitPartyMembers(unitId: string | undefined, query: UnitPartyMembersQuery) {
  return useInfiniteQuery({
    queryKey: ['unit-party-members', unitId, query],
    queryFn: ({ pageParam }) => getUnitPartyMembers(unitId ?? '', { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(unitId),
  });
}
