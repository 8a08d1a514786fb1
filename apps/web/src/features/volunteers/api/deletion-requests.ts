import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeletionRequest } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type DeletionStatus = DeletionRequest['status'];

export function getDeletionRequests(query: { status?: DeletionStatus; cursor?: string }): Promise<Page<DeletionRequest>> {
  return apiRequest<Page<DeletionRequest>>('/api/v1/deletion-requests', { query: { limit: 50, ...query } });
}

/** Street admins see the street's requests, community admins their community's. */
export function useDeletionRequests(status: DeletionStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['deletion-requests', status ?? null],
    queryFn: ({ pageParam }) => getDeletionRequests({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function completeDeletionRequest(id: string): Promise<DeletionRequest> {
  return apiRequest<DeletionRequest>(`/api/v1/deletion-requests/${encodeURIComponent(id)}/complete`, { method: 'POST' });
}

export function useCompleteDeletionRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeDeletionRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deletion-requests'] }),
  });
}
