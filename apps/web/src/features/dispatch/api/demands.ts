import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Candidate, Demand, DemandListItem, DemandStatus, DemandUrgency, FocusTag } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';
import { newIdempotencyKey } from '../idempotency';

/** The filters of GET /demands (API.md "Demands"; `overdue` lists open demands past their deadline). */
export type DemandFilters = {
  status?: DemandStatus;
  communityId?: string;
  gridId?: string;
  teamId?: string;
  urgency?: DemandUrgency;
  overdue?: boolean;
  /** The beneficiary's focus group (staff of the place only). */
  focusTag?: FocusTag;
  /** Words of the description or the id. */
  q?: string;
};

/** A ranked volunteer: id, who they are (name as the caller may see it, community), score and its six reasons. */
export type { Candidate };

const toQuery = (filters: DemandFilters) => ({
  status: filters.status,
  communityId: filters.communityId,
  gridId: filters.gridId,
  teamId: filters.teamId,
  urgency: filters.urgency,
  overdue: filters.overdue === undefined ? undefined : String(filters.overdue),
  focusTag: filters.focusTag,
  q: filters.q,
});

export function getDemands(filters: DemandFilters & { limit?: number; cursor?: string }): Promise<Page<DemandListItem>> {
  return apiRequest<Page<DemandListItem>>('/api/v1/demands', {
    query: { ...toQuery(filters), limit: filters.limit ?? 20, cursor: filters.cursor },
  });
}

/** 需求清单: the demands the caller may see, newest first, a page at a time. */
export function useDemandList(filters: DemandFilters, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: ['demands', 'list', filters, pageSize],
    queryFn: ({ pageParam }) => getDemands({ ...filters, limit: pageSize, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One column of the board: the first `limit` demands of some statuses, merged newest first. */
export function useBoardColumn(statuses: readonly DemandStatus[], filters: Omit<DemandFilters, 'status'>, limit = 50) {
  return useQuery({
    queryKey: ['demands', 'board', statuses, filters, limit],
    queryFn: async () => {
      const pages = await Promise.all(statuses.map((status) => getDemands({ ...filters, status, limit })));
      const items = pages.flatMap((p) => p.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { items, more: pages.some((p) => p.nextCursor !== null) };
    },
    placeholderData: keepPreviousData,
  });
}

export function getDemand(id: string): Promise<Demand> {
  return apiRequest<Demand>(`/api/v1/demands/${encodeURIComponent(id)}`);
}

export function useDemand(id: string | null | undefined) {
  return useQuery({ queryKey: ['demands', 'one', id ?? null], queryFn: () => getDemand(id ?? ''), enabled: Boolean(id) });
}

export function getCandidates(id: string, limit: number): Promise<{ items: Candidate[] }> {
  return apiRequest<{ items: Candidate[] }>(`/api/v1/demands/${encodeURIComponent(id)}/candidates`, { query: { limit } });
}

/** Volunteers ranked for a demand with the reasons of each score (staff of its place and its team's leader). */
export function useCandidates(id: string | null | undefined, { enabled = true, limit = 20 }: { enabled?: boolean; limit?: number } = {}) {
  return useQuery({
    queryKey: ['demands', 'candidates', id ?? null, limit],
    queryFn: () => getCandidates(id ?? '', limit),
    enabled: Boolean(id) && enabled,
  });
}

/** The staff steps of the work order the console makes (the volunteer's and resident's are on the H5). */
export type StaffTransition =
  | { id: string; action: 'publish'; note?: string }
  | { id: string; action: 'reject'; reason: string }
  | { id: string; action: 'assign'; teamId: string }
  | { id: string; action: 'cancel'; reason: string }
  | { id: string; action: 'close'; followUp?: string };

/** A staff step of the work order, with an `Idempotency-Key` per user action (API.md). */
export function transitionDemand(step: StaffTransition, idempotencyKey = newIdempotencyKey()): Promise<Demand> {
  const { id, action, ...body } = step;
  return apiRequest<Demand>(`/api/v1/demands/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useTransitionDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: StaffTransition) => transitionDemand(step),
    onSuccess: (demand) => {
      queryClient.setQueryData(['demands', 'one', demand.id], demand);
      void queryClient.invalidateQueries({ queryKey: ['demands'] });
    },
  });
}
