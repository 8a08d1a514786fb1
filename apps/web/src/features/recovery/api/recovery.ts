import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecoveryReceived, RecoveryRequest, RecoveryRequestBody, RecoveryStatus } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

/** 找回账号 (public): always answers `received`; a community staff member confirms the identity in person. */
export function submitRecoveryRequest(body: RecoveryRequestBody): Promise<RecoveryReceived> {
  return apiRequest<RecoveryReceived>('/api/v1/auth/recovery-requests', { method: 'POST', body });
}

export function useSubmitRecoveryRequest() {
  return useMutation({ mutationFn: submitRecoveryRequest });
}

export function getRecoveryRequests(query: { status?: RecoveryStatus; cursor?: string }): Promise<Page<RecoveryRequest>> {
  return apiRequest<Page<RecoveryRequest>>('/api/v1/recovery-requests', { query: { limit: 50, ...query } });
}

/** Street admins see the street's requests, community admins those of persons of their community. */
export function useRecoveryRequests(status: RecoveryStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['recovery-requests', status ?? null],
    queryFn: ({ pageParam }) => getRecoveryRequests({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type RecoveryDecision = { id: string; action: 'approve' } | { id: string; action: 'reject'; reason: string };

export function decideRecoveryRequest(decision: RecoveryDecision): Promise<RecoveryRequest> {
  const path = `/api/v1/recovery-requests/${encodeURIComponent(decision.id)}/${decision.action}`;
  const body = decision.action === 'approve' ? { idCardChecked: true } : { reason: decision.reason };
  return apiRequest<RecoveryRequest>(path, { method: 'POST', body });
}

export function useDecideRecoveryRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideRecoveryRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recovery-requests'] }),
  });
}
