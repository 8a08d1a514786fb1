import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList, Page } from '../../../lib/page';
import type { Campaign, CampaignOverview, CoverageItem, ServiceItem, Visit, VisitFigure, VisitInput } from '../types';

export function createVisit(body: VisitInput): Promise<Visit> {
  return apiRequest<Visit>('/api/v1/visits', { method: 'POST', body });
}

export function useCreateVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createVisit,
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (q) => ['grid-coverage', 'campaign-overview', 'visit-figures'].includes(String(q.queryKey[0])),
      }),
  });
}

/** DR-20: per household of a grid, the last visit and whether it is overdue for the cycle. */
export function getGridCoverage(gridId: string, cycleDays = 15): Promise<Page<CoverageItem>> {
  return apiRequest<Page<CoverageItem>>(`/api/v1/grids/${encodeURIComponent(gridId)}/coverage`, { query: { cycleDays, limit: 200 } });
}

export function useGridCoverage(gridId: string | null | undefined, cycleDays = 15) {
  return useQuery({
    queryKey: ['grid-coverage', gridId, cycleDays],
    queryFn: () => getGridCoverage(gridId ?? '', cycleDays),
    enabled: Boolean(gridId),
  });
}

export function getCampaigns(): Promise<Page<Campaign>> {
  return apiRequest<Page<Campaign>>('/api/v1/campaigns', { query: { limit: 100 } });
}

export function useCampaigns({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['campaigns'], queryFn: getCampaigns, enabled });
}

export function getCampaignOverview(id: string): Promise<CampaignOverview> {
  return apiRequest<CampaignOverview>(`/api/v1/campaigns/${encodeURIComponent(id)}/overview`);
}

export function useCampaignOverview(id: string | undefined) {
  return useQuery({ queryKey: ['campaign-overview', id], queryFn: () => getCampaignOverview(id ?? ''), enabled: Boolean(id) });
}

export type FigureQuery = { period: 'month' | 'week'; from?: string; to?: string; communityId?: string; campaignId?: string };

/** "Inquiries answered" and "home visits" per period. */
export function getVisitFigures(query: FigureQuery): Promise<ItemList<VisitFigure>> {
  return apiRequest<ItemList<VisitFigure>>('/api/v1/visits/figures', { query });
}

export function useVisitFigures(query: FigureQuery) {
  return useQuery({ queryKey: ['visit-figures', query], queryFn: () => getVisitFigures(query) });
}

export function getServiceItems(): Promise<ItemList<ServiceItem>> {
  return apiRequest<ItemList<ServiceItem>>('/api/v1/service-items', { query: { limit: 200 } });
}

export function useServiceItems() {
  return useQuery({ queryKey: ['service-items'], queryFn: getServiceItems, staleTime: 10 * 60_000 });
}

export type DemandFromNeed = { serviceItemId: string; description: string; gridId: string; channel: 'visit' };

/** A need found on a visit becomes a work order in one tap (POST /demands, channel "visit"). */
export function createDemandFromNeed(body: DemandFromNeed): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/api/v1/demands', { method: 'POST', body });
}

export function useCreateDemandFromNeed() {
  return useMutation({ mutationFn: createDemandFromNeed });
}
