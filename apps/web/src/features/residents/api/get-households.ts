import { useInfiniteQuery } from '@tanstack/react-query';
import type { Household } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type HouseholdFilters = { communityId?: string; gridId?: string };

export function getHouseholds(filters: HouseholdFilters & { cursor?: string; limit?: number }): Promise<Page<Household>> {
  return apiRequest<Page<Household>>('/api/v1/households', { query: { limit: 50, ...filters } });
}

export function useHouseholds(filters: HouseholdFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ['households', filters],
    queryFn: ({ pageParam }) => getHouseholds({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
