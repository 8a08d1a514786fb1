import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartyReport, PartyReportBody, PartyReportStatus } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

/** 云报到: a party-member volunteer names a residence community and grid and an employer unit. */
export function createPartyReport(body: PartyReportBody): Promise<PartyReport> {
  return apiRequest<PartyReport>('/api/v1/party-reports', { method: 'POST', body });
}

export function useCreatePartyReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartyReport,
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'party-reports' || q.queryKey[0] === 'me' }),
  });
}

export function getPartyReports(query: { status?: PartyReportStatus; communityId?: string; cursor?: string }): Promise<Page<PartyReport>> {
  return apiRequest<Page<PartyReport>>('/api/v1/party-reports', { query: { limit: 50, ...query } });
}

/** Reports to review: a community admin's community, a street admin's street (others 403). */
export function usePartyReports(
  query: { status?: PartyReportStatus; communityId?: string },
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: ['party-reports', query],
    queryFn: ({ pageParam }) => getPartyReports({ ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function getMyPartyReports(): Promise<Page<PartyReport>> {
  return apiRequest<Page<PartyReport>>('/api/v1/me/party-reports', { query: { limit: 5 } });
}

/** The caller's own reports, newest first (the H5 profile shows the latest one's state). */
export function useMyPartyReports({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['party-reports', 'mine'], queryFn: getMyPartyReports, enabled });
}

export type PartyReportDecision = { id: string; action: 'confirm' } | { id: string; action: 'reject'; reason: string };

export function decidePartyReport(decision: PartyReportDecision): Promise<PartyReport> {
  return apiRequest<PartyReport>(`/api/v1/party-reports/${encodeURIComponent(decision.id)}/${decision.action}`, {
    method: 'POST',
    body: decision.action === 'reject' ? { reason: decision.reason } : undefined,
  });
}

export function useDecidePartyReport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: decidePartyReport, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['party-reports'] }) });
}
