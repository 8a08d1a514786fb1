import { useInfiniteQuery } from '@tanstack/react-query';
import type { ResidentListItem, FocusTag } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type ResidentFilters = { communityId?: string; gridId?: string; tag?: FocusTag };

/** Staff only; the server answers 403 with a problem for everyone else, and masks phone and ID. */
export function getResidents(filters: ResidentFilters & { limit?: number; cursor?: string }): Promise<Page<ResidentListItem>> {
  return apiRequest<Page<ResidentListItem>>('/api/v1/residents', { query: { limit: 20, ...filters } });
}

export function useResidents(filters: ResidentFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ['residents', filters],
    queryFn: ({ pageParam }) => getResidents({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
