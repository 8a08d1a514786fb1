import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { CheckAction, CheckBody, CheckInCode, CheckInResult, CheckOutResult, Roster } from '../types';

const activityPath = (id: string) => `/api/v1/activities/${encodeURIComponent(id)}`;

/** The organizer's rotating token and 6-digit code (refetched shortly before it expires). */
export function getCheckInCode(id: string): Promise<CheckInCode> {
  return apiRequest<CheckInCode>(`${activityPath(id)}/check-in-code`);
}

export function useCheckInCode(id: string | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['activity-check-in-code', id],
    queryFn: () => getCheckInCode(id ?? ''),
    enabled: Boolean(id) && enabled,
    // A new token every 30 s: fetch again at `refreshAt` (each stays valid until `expiresAt`, ≤ 60 s).
    refetchInterval: (query) => {
      const next = query.state.data ? Date.parse(query.state.data.refreshAt) : NaN;
      if (Number.isNaN(next)) return 15_000;
      return Math.max(1_000, next - Date.now() + 250);
    },
    staleTime: 0,
    gcTime: 0,
  });
}

export type CheckResult = CheckInResult | CheckOutResult;

export function sendCheck(activityId: string, action: CheckAction, body: CheckBody): Promise<CheckResult> {
  return apiRequest<CheckResult>(`${activityPath(activityId)}/${action}`, { method: 'POST', body });
}

export function useSendCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, action, body }: { activityId: string; action: CheckAction; body: CheckBody }) =>
      sendCheck(activityId, action, body),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => ['my-activities', 'activity'].includes(String(q.queryKey[0])) }),
  });
}

/** Who signed up and their check-in state (organizer and staff). */
export function getRoster(id: string): Promise<Roster> {
  return apiRequest<Roster>(`${activityPath(id)}/roster`);
}

export function useRoster(id: string | undefined, { refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: ['activity-roster', id], queryFn: () => getRoster(id ?? ''), enabled: Boolean(id), refetchInterval });
}

export function markNoShow(activityId: string, volunteerId: string): Promise<void> {
  return apiRequest<void>(`${activityPath(activityId)}/signups/${encodeURIComponent(volunteerId)}/no-show`, { method: 'POST' });
}

export function useMarkNoShow(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (volunteerId: string) => markNoShow(activityId, volunteerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activity-roster', activityId] }),
  });
}
