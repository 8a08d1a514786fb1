import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Demand, DemandChannel, DemandListItem, DemandStatus, DemandUrgency, Grid, ServiceItemDto } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList, Page } from '../../../lib/page';

const demandPath = (id: string) => `/api/v1/demands/${encodeURIComponent(id)}`;

/** A fresh `Idempotency-Key` per user action, so a retried tap never orders twice (API.md). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/* ---------- the service menu ---------- */

export function getServiceItems(): Promise<Page<ServiceItemDto>> {
  return apiRequest<Page<ServiceItemDto>>('/api/v1/service-items', { query: { limit: 200 } });
}

export function useServiceItems() {
  return useQuery({ queryKey: ['service-items'], queryFn: getServiceItems, staleTime: 10 * 60_000 });
}

/* ---------- ordering ---------- */

export type DemandOrder = {
  serviceItemId: string;
  description: string;
  gridId: string;
  beneficiaryId?: string;
  preferredStart?: string;
  preferredEnd?: string;
  urgency?: DemandUrgency;
  channel?: DemandChannel;
};

export function createDemand(body: DemandOrder, idempotencyKey: string): Promise<Demand> {
  return apiRequest<Demand>('/api/v1/demands', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

function useInvalidateDemands() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => ['demands', 'demand', 'my-offers'].includes(String(q.queryKey[0])) });
}

/** One key per order screen: a retry after a network error reuses it and cannot create a second order. */
export function useCreateDemand() {
  const invalidate = useInvalidateDemands();
  return useMutation({
    mutationFn: ({ body, key }: { body: DemandOrder; key: string }) => createDemand(body, key),
    onSuccess: () => void invalidate(),
  });
}

/* ---------- lists and detail ---------- */

export type DemandFilters = { status?: DemandStatus; communityId?: string; gridId?: string; teamId?: string; mine?: 'true' };

export function getDemands(filters: DemandFilters & { limit?: number; cursor?: string }): Promise<Page<DemandListItem>> {
  return apiRequest<Page<DemandListItem>>('/api/v1/demands', { query: { limit: 20, ...filters } });
}

export function useDemands(filters: DemandFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ['demands', filters],
    queryFn: ({ pageParam }) => getDemands({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function getDemand(id: string): Promise<Demand> {
  return apiRequest<Demand>(demandPath(id));
}

export function useDemand(id: string | undefined) {
  return useQuery({ queryKey: ['demand', id], queryFn: () => getDemand(id ?? ''), enabled: Boolean(id) });
}

/* ---------- transitions ---------- */

export type DemandStep =
  | { action: 'accept' | 'start' | 'publish'; note?: string }
  | { action: 'assign'; teamId: string }
  | { action: 'complete'; minutes: number; summary: string }
  | { action: 'rate'; score: number; comment?: string }
  | { action: 'close'; followUp?: string }
  | { action: 'cancel'; reason: string }
  | { action: 'decline'; reason?: string };

export function stepDemand(id: string, step: DemandStep, idempotencyKey: string): Promise<Demand> {
  const { action, ...body } = step;
  return apiRequest<Demand>(`${demandPath(id)}/${action}`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** A work-order step (接单, 开始, 完成, 评价, 回访结案, 取消 …); every list and the demand itself refresh. */
export function useDemandStep(id: string) {
  const invalidate = useInvalidateDemands();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, key }: { step: DemandStep; key: string }) => stepDemand(id, step, key),
    onSuccess: (demand, { step }) => {
      // Transitions answer the demand; a decline may answer the offer, so it only refetches.
      if (step.action !== 'decline' && demand?.status) queryClient.setQueryData(['demand', id], demand);
      void invalidate();
    },
  });
}

/* ---------- volunteer offers (DR-16) ---------- */

/** An open offer to the caller (`GET /me/offers`, MyOfferSchema): a summary of the demand, no address or phone before accept (DR-21). */
export type MyDemandOffer = {
  id: string;
  status: 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  teamId: string;
  createdAt: string;
  expiresAt: string;
  demand: {
    id: string;
    status: DemandStatus;
    serviceItemId: string;
    description: string;
    communityId: string;
    gridId: string;
    urgency: DemandUrgency;
    preferredStart: string | null;
    preferredEnd: string | null;
    volunteersNeeded: number;
    acceptedCount: number;
    slaDueAt: string | null;
  };
};

export function getMyOffers(): Promise<Page<MyDemandOffer>> {
  return apiRequest<Page<MyDemandOffer>>('/api/v1/me/offers', { query: { limit: 100 } });
}

export function useMyOffers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['my-offers'], queryFn: getMyOffers, enabled });
}

/* ---------- intake from chat ---------- */

export type IntakeDraft = {
  sourceText: string;
  sender: string | null;
  postedAt: string | null;
  language: 'zh' | 'bo' | 'mixed';
  serviceItemId: string | null;
  confidence: number;
  alternatives: { serviceItemId: string; score: number }[];
  gridId: string | null;
  urgency: DemandUrgency;
  contactPhone: string | null;
  beneficiaryHint: string | null;
  emergency: { kind: string; call: '110' | '119' | '120' } | null;
  feeFlag: boolean;
  reasons: string[];
};

export function draftFromChat(body: { text: string; gridId?: string }): Promise<{ items: IntakeDraft[] }> {
  return apiRequest<{ items: IntakeDraft[] }>('/api/v1/demands/intake', { method: 'POST', body });
}

export function useIntake() {
  return useMutation({ mutationFn: draftFromChat });
}

/* ---------- residents of a grid (staff ordering for someone) ---------- */

export type GridResident = {
  id: string;
  name: string;
  nameBo: string | null;
  phoneMasked: string | null;
  address: string | null;
  gridId: string;
  age: number | null;
};

/** Everyone of one grid in one call (a grid has a few hundred residents at most), masked as the list API masks them. */
export function getGridResidents(gridId: string): Promise<Page<GridResident>> {
  return apiRequest<Page<GridResident>>('/api/v1/residents', { query: { gridId, limit: 200 } });
}

export function useGridResidents(gridId: string | undefined) {
  return useQuery({ queryKey: ['residents', 'grid-all', gridId], queryFn: () => getGridResidents(gridId ?? ''), enabled: Boolean(gridId) });
}

/** The grids of a community (same request and cache key as the organization feature's, kept here: features do not import each other). */
export function useCommunityGrids(communityId: string | null | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['grids', communityId ?? null],
    queryFn: () => apiRequest<ItemList<Grid>>('/api/v1/grids', { query: { communityId, limit: 200 } }),
    enabled,
  });
}
