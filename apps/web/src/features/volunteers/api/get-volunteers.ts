import { useInfiniteQuery } from '@tanstack/react-query';
import type { VolunteerListItem, Skill } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type VolunteerFilters = { communityId?: string; teamId?: string; skill?: Skill; q?: string };

export function getVolunteers(filters: VolunteerFilters & { limit?: number; cursor?: string }): Promise<Page<VolunteerListItem>> {
  return apiRequest<Page<VolunteerListItem>>('/api/v1/volunteers', { query: { limit: 20, ...filters } });
}

/** Cursor pagination: each "load more" fetches the next page after the last cursor. */
export function useVolunteers(filters: VolunteerFilters) {
  return useInfiniteQuery({
    queryKey: ['volunteers', filters],
    queryFn: ({ pageParam }) => getVolunteers({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
