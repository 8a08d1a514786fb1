import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamMember } from '@duodi/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export function getTeamMembers(teamId: string, cursor?: string): Promise<Page<TeamMember>> {
  return apiRequest<Page<TeamMember>>(`/api/v1/teams/${encodeURIComponent(teamId)}/members`, { query: { limit: 100, cursor } });
}

export function useTeamMembers(teamId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['team-members', teamId],
    queryFn: ({ pageParam }) => getTeamMembers(teamId ?? '', pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(teamId),
  });
}

/** A volunteer leaves a team (a leader must hand over first: 409 leader_must_hand_over). */
export function leaveTeam(teamId: string): Promise<void> {
  return apiRequest<void>(`/api/v1/teams/${encodeURIComponent(teamId)}/members/me`, { method: 'DELETE' });
}

export function useLeaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: leaveTeam, onSuccess: () => queryClient.invalidateQueries() });
}

/** The team's roster as a workbook or CSV (staff in scope and the leader). */
export function downloadRoster(teamId: string, format: 'xlsx' | 'csv'): Promise<string> {
  return apiDownload(`/api/v1/teams/${encodeURIComponent(teamId)}/roster`, { query: { format }, fallbackName: `roster.${format}` });
}

export function useDownloadRoster(teamId: string) {
  return useMutation({ mutationFn: (format: 'xlsx' | 'csv') => downloadRoster(teamId, format) });
}
