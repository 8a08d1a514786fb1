import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamInvitation, TeamInvitationStatus } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export function inviteVolunteer(teamId: string, body: { volunteerId: string; message?: string }): Promise<TeamInvitation> {
  return apiRequest<TeamInvitation>(`/api/v1/teams/${encodeURIComponent(teamId)}/invitations`, { method: 'POST', body });
}

export function useInviteVolunteer(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { volunteerId: string; message?: string }) => inviteVolunteer(teamId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team-invitations', teamId] }),
  });
}

export function getTeamInvitations(teamId: string, status?: TeamInvitationStatus): Promise<Page<TeamInvitation>> {
  return apiRequest<Page<TeamInvitation>>(`/api/v1/teams/${encodeURIComponent(teamId)}/invitations`, { query: { status, limit: 100 } });
}

export function useTeamInvitations(teamId: string | undefined, status?: TeamInvitationStatus) {
  return useQuery({
    queryKey: ['team-invitations', teamId, status ?? null],
    queryFn: () => getTeamInvitations(teamId ?? '', status),
    enabled: Boolean(teamId),
  });
}

export function getMyInvitations(status?: TeamInvitationStatus): Promise<Page<TeamInvitation>> {
  return apiRequest<Page<TeamInvitation>>('/api/v1/me/team-invitations', { query: { status, limit: 100 } });
}

export function useMyInvitations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['my-team-invitations'], queryFn: () => getMyInvitations(), enabled });
}

export function answerInvitation({ id, action }: { id: string; action: 'accept' | 'decline' }): Promise<TeamInvitation> {
  return apiRequest<TeamInvitation>(`/api/v1/team-invitations/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: answerInvitation, onSuccess: () => queryClient.invalidateQueries() });
}
