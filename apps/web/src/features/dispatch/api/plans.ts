import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DemandStatus } from '@duodi/contracts';
import type { Candidate } from './demands';
import { apiRequest } from '../../../lib/api-client';

/** `POST /demands/suggest-dispatch` (建议派单): a suggestion only, nothing changes (DR-16). */
export type SuggestScope = { communityId?: string; teamId?: string };
export type SuggestItem = { demandId: string; volunteers: Candidate[]; unfilled: number };
export type SuggestResult = { items: SuggestItem[]; totalCost: number; greedyCost: number; computedMs: number };

export function suggestDispatch(scope: SuggestScope): Promise<SuggestResult> {
  return apiRequest<SuggestResult>('/api/v1/demands/suggest-dispatch', { method: 'POST', body: { ...scope } });
}

export function useSuggestDispatch() {
  return useMutation({ mutationFn: suggestDispatch });
}

/** One line of an accepted (or edited) suggestion: the team takes the demand, its volunteers get offers. */
export type PlanAssignment = { demandId: string; teamId: string; volunteerIds: string[] };
export type DispatchPlanBody = { scope: SuggestScope; assignments: PlanAssignment[] };

/** The applied plan: per demand whether it was assigned now and who was newly offered it. */
export type DispatchPlanResult = {
  id: string;
  items: { demandId: string; teamId: string; assigned: boolean; status: DemandStatus; offeredVolunteerIds: string[] }[];
  offerCount: number;
  createdAt: string;
};

/** `POST /dispatch-plans`: applied all or nothing; a conflict names the assignment it is about. */
export function acceptDispatchPlan(body: DispatchPlanBody): Promise<DispatchPlanResult> {
  return apiRequest<DispatchPlanResult>('/api/v1/dispatch-plans', { method: 'POST', body });
}

export function useAcceptDispatchPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptDispatchPlan,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['demands'] }),
  });
}

/** `POST /demands/{id}/no-show`: a volunteer who accepted did not come (it lowers their reliability). */
export function recordNoShow({ demandId, volunteerId, note }: { demandId: string; volunteerId: string; note?: string }): Promise<unknown> {
  return apiRequest<unknown>(`/api/v1/demands/${encodeURIComponent(demandId)}/no-show`, { method: 'POST', body: { volunteerId, note } });
}

export function useRecordNoShow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordNoShow, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['demands'] }) });
}

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
/** One offer of a demand to a volunteer (`GET /demands/{id}/offers`, staff and the team leader). */
export type DemandOffer = {
  id: string;
  demandId: string;
  volunteerId: string;
  teamId: string;
  status: OfferStatus;
  planId: string | null;
  declineReason: string | null;
  createdAt: string;
  decidedAt: string | null;
};

export function getOffers(demandId: string): Promise<{ items: DemandOffer[]; nextCursor?: string | null }> {
  return apiRequest<{ items: DemandOffer[]; nextCursor?: string | null }>(`/api/v1/demands/${encodeURIComponent(demandId)}/offers`, {
    query: { limit: 200 },
  });
}

export function useOffers(demandId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['demands', 'offers', demandId ?? null],
    queryFn: () => getOffers(demandId ?? ''),
    enabled: Boolean(demandId) && enabled,
  });
}
