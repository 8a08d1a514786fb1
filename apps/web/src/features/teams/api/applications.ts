import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamApplication, TeamApplicationStatus } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

/** A volunteer applies to join a team (`201`); 409 already_team_member or team_request_pending. */
export function applyToTeam(teamId: string, message?: string): Promise<TeamApplication> {
  return apiRequest<TeamApplication>(`/api/v1/teams/${encodeURIComponent(teamId)}/applications`, {
    method: 'POST',
    body: message ? { message } : {},
  });
}

export function getMyApplications(status?: TeamApplicationStatus): Promise<Page<TeamApplication>> {
  return apiRequest<Page<TeamApplication>>('/api/v1/me/team-applications', { query: { status, limit: 100 } });
}

export const myApplicationsKey = ['my-team-applications'] as const;

export function useMyApplications({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: myApplicationsKey, queryFn: () => getMyApplications(), enabled });
}

export function useApplyToTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, message }: { teamId: string; message?: string }) => applyToTeam(teamId, message),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myApplicationsKey }),
  });
}

export function getTeamApplications(teamId: string, status?: TeamApplicationStatus): Promise<Page<TeamApplication>> {
  return apiRequest<Page<TeamApplication>>(`/api/v1/teams/${encodeURIComponent(teamId)}/applications`, { query: { status, limit: 100 } });
}

export function useTeamApplications(teamId: string | undefined, status: TeamApplicationStatus | undefined) {
  return useQuery({
    queryKey: ['team-applications', teamId, status ?? null],
    queryFn: () => getTeamApplications(teamId ?? '', status),
    enabled: Boolean(teamId),
  });
}

export type ApplicationDecision = { id: string; action: 'approve' } | { id: string; action: 'reject'; reason: string };

export function decideApplication(decision: ApplicationDecision): Promise<TeamApplication> {
  return apiRequest<TeamApplication>(`/api/v1/team-applications/${encodeURIComponent(decision.id)}/${decision.action}`, {
    method: 'POST',
    body: decision.action === 'reject' ? { reason: decision.reason } : undefined,
  });
}

export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApplication,
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (q) => ['team-applications', 'team-members', 'team', 'teams'].includes(String(q.queryKey[0])),
      }),
  });
}

/** A volunteer takes back their own pending application. */
export function withdrawApplication(id: string): Promise<TeamApplication> {
  return apiRequest<TeamApplication>(`/api/v1/team-applications/${encodeURIComponent(id)}/withdraw`, { method: 'POST' });
}

export function useWithdrawApplication() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: withdrawApplication, onSuccess: () => queryClient.invalidateQueries({ queryKey: myApplicationsKey }) });
}
