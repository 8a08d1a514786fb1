import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList, Page } from '../../../lib/page';
import type { CampaignOverview, CarePlan, CarePlanInput, Coverage, ServiceItem, Visit, VisitCampaign, VisitInput } from '../types';

export function createVisit(body: VisitInput): Promise<Visit> {
  return apiRequest<Visit>('/api/v1/visits', { method: 'POST', body });
}

function useInvalidateVisits() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => ['grid-coverage', 'campaign-overview', 'visits', 'care-plans'].includes(String(q.queryKey[0])),
    });
}

export function useCreateVisit() {
  const invalidate = useInvalidateVisits();
  return useMutation({ mutationFn: createVisit, onSuccess: () => void invalidate() });
}

/** DR-20: per household of a grid, the last visit and whether it is overdue for the cycle. */
export function getGridCoverage(gridId: string, cycleDays = 15): Promise<Coverage> {
  return apiRequest<Coverage>(`/api/v1/grids/${encodeURIComponent(gridId)}/coverage`, { query: { cycleDays, limit: 200 } });
}

export function useGridCoverage(gridId: string | null | undefined, cycleDays = 15) {
  return useQuery({
    queryKey: ['grid-coverage', gridId, cycleDays],
    queryFn: () => getGridCoverage(gridId ?? '', cycleDays),
    enabled: Boolean(gridId),
  });
}

export const CAMPAIGNS_PATH = '/api/v1/visit-campaigns';

export function getCampaigns(): Promise<Page<VisitCampaign>> {
  return apiRequest<Page<VisitCampaign>>(CAMPAIGNS_PATH, { query: { limit: 100 } });
}

export function useCampaigns({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['campaigns'], queryFn: getCampaigns, enabled });
}

export type OverviewQuery = { period: 'week' | 'month'; from?: string; to?: string };

/** Coverage per grid and the figures "inquiries answered" and "home visits", in total and per period. */
export function getCampaignOverview(id: string, query: OverviewQuery): Promise<CampaignOverview> {
  return apiRequest<CampaignOverview>(`${CAMPAIGNS_PATH}/${encodeURIComponent(id)}/overview`, { query });
}

export function useCampaignOverview(id: string | undefined, query: OverviewQuery) {
  return useQuery({
    queryKey: ['campaign-overview', id, query],
    queryFn: () => getCampaignOverview(id ?? '', query),
    enabled: Boolean(id),
  });
}

export function getServiceItems(): Promise<ItemList<ServiceItem>> {
  return apiRequest<ItemList<ServiceItem>>('/api/v1/service-items', { query: { limit: 200 } });
}

export function useServiceItems() {
  return useQuery({ queryKey: ['service-items'], queryFn: getServiceItems, staleTime: 10 * 60_000 });
}

/** A need found on a visit becomes a work order in one tap. */
export function needToDemand(visitId: string, index: number): Promise<{ visitId: string; index: number; demandId: string }> {
  return apiRequest(`/api/v1/visits/${encodeURIComponent(visitId)}/needs/${index}/demand`, { method: 'POST' });
}

export function useNeedToDemand() {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: ({ visitId, index }: { visitId: string; index: number }) => needToDemand(visitId, index),
    onSuccess: () => void invalidate(),
  });
}

/** Recurring care plans of the caller's area, with next due and missed visits. */
export function getCarePlans(gridId?: string): Promise<Page<CarePlan>> {
  return apiRequest<Page<CarePlan>>('/api/v1/care-plans', { query: { gridId, limit: 200 } });
}

export function useCarePlans(gridId?: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['care-plans', gridId ?? null], queryFn: () => getCarePlans(gridId), enabled });
}

function useInvalidateCarePlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['care-plans'] });
}

/** A care plan for a resident of the caller's area: a visit or a demand every N days. */
export function createCarePlan(body: CarePlanInput): Promise<CarePlan> {
  return apiRequest<CarePlan>('/api/v1/care-plans', { method: 'POST', body });
}

export function useCreateCarePlan() {
  const invalidate = useInvalidateCarePlans();
  return useMutation({ mutationFn: createCarePlan, onSuccess: () => void invalidate() });
}

/** Pause (`active: false`) or resume a care plan. */
export function setCarePlanActive({ id, active }: { id: string; active: boolean }): Promise<CarePlan> {
  return apiRequest<CarePlan>(`/api/v1/care-plans/${encodeURIComponent(id)}`, { method: 'PATCH', body: { active } });
}

export function useSetCarePlanActive() {
  const invalidate = useInvalidateCarePlans();
  return useMutation({ mutationFn: setCarePlanActive, onSuccess: () => void invalidate() });
}
