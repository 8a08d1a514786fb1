import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Demand, DemandOffer, DispatchPlanBody, DispatchPlanResult, SuggestDispatchResult } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../idempotency';

/** `POST /demands/suggest-dispatch` (建议派单): a suggestion only, nothing changes (DR-16). */
export type SuggestScope = { communityId?: string; teamId?: string };
export type SuggestResult = SuggestDispatchResult;

export function suggestDispatch(scope: SuggestScope): Promise<SuggestResult> {
  return apiRequest<SuggestResult>('/api/v1/demands/suggest-dispatch', { method: 'POST', body: { ...scope } });
}

export function useSuggestDispatch() {
  return useMutation({ mutationFn: suggestDispatch });
}

/** One line of an accepted (or edited) suggestion: the team takes the demand, its volunteers get offers. */
export type PlanAssignment = DispatchPlanBody['assignments'][number];

/** `POST /dispatch-plans`: applied all or nothing; a conflict names the assignment it is about. */
export function acceptDispatchPlan(body: DispatchPlanBody, idempotencyKey = newIdempotencyKey()): Promise<DispatchPlanResult> {
  return apiRequest<DispatchPlanResult>('/api/v1/dispatch-plans', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function useAcceptDispatchPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DispatchPlanBody) => acceptDispatchPlan(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['demands'] }),
  });
}

/** `POST /demands/{id}/no-show`: a volunteer who accepted did not come (it lowers their reliability). */
export function recordNoShow(
  { demandId, volunteerId, note }: { demandId: string; volunteerId: string; note?: string },
  idempotencyKey = newIdempotencyKey(),
): Promise<Demand> {
  return apiRequest<Demand>(`/api/v1/demands/${encodeURIComponent(demandId)}/no-show`, {
    method: 'POST',
    body: { volunteerId, note },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useRecordNoShow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { demandId: string; volunteerId: string; note?: string }) => recordNoShow(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['demands'] }),
  });
}

export type { DemandOffer };

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
