import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamCreate, TeamDetail, TeamLogo, TeamPatch } from '@duodi/contracts';
import { apiRequest, apiUpload } from '../../../lib/api-client';

const teamPath = (id: string) => `/api/v1/teams/${encodeURIComponent(id)}`;

/** Every team list and team page shows the change (the organization feature caches them under these keys). */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ predicate: (q) => ['teams', 'team', 'team-members', 'communities'].includes(String(q.queryKey[0])) });
}

export function createTeam(body: TeamCreate): Promise<TeamDetail> {
  return apiRequest<TeamDetail>('/api/v1/teams', { method: 'POST', body });
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: createTeam, onSuccess: () => void invalidate() });
}

export function updateTeam(id: string, body: TeamPatch): Promise<TeamDetail> {
  return apiRequest<TeamDetail>(teamPath(id), { method: 'PATCH', body });
}

export function useUpdateTeam(id: string) {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (body: TeamPatch) => updateTeam(id, body), onSuccess: () => void invalidate() });
}

/** The file goes as the raw body with its type; the server checks the magic bytes against it. */
export function uploadTeamLogo(id: string, file: File): Promise<TeamLogo> {
  return apiUpload<TeamLogo>(`${teamPath(id)}/logo`, { file, method: 'PUT' });
}

export function useUploadTeamLogo(id: string) {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (file: File) => uploadTeamLogo(id, file), onSuccess: () => void invalidate() });
}

export function setTeamLeader(id: string, volunteerId: string): Promise<TeamDetail> {
  return apiRequest<TeamDetail>(`${teamPath(id)}/leader`, { method: 'PUT', body: { volunteerId } });
}

export function addTeamDeputy(id: string, volunteerId: string): Promise<unknown> {
  return apiRequest(`${teamPath(id)}/deputies`, { method: 'POST', body: { volunteerId } });
}

export function removeTeamDeputy(id: string, volunteerId: string): Promise<void> {
  return apiRequest<void>(`${teamPath(id)}/deputies/${encodeURIComponent(volunteerId)}`, { method: 'DELETE' });
}

export type RoleChange = { action: 'leader' | 'add_deputy' | 'remove_deputy'; volunteerId: string };

/** Leader hand-over and deputies (staff in scope and the leader). */
export function useChangeMemberRole(id: string) {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ action, volunteerId }: RoleChange) =>
      action === 'leader'
        ? setTeamLeader(id, volunteerId)
        : action === 'add_deputy'
          ? addTeamDeputy(id, volunteerId)
          : removeTeamDeputy(id, volunteerId),
    onSuccess: () => void invalidate(),
  });
}
