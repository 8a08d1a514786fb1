import { useQuery } from '@tanstack/react-query';
import type { Team, TeamDetail } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList } from '../../../lib/page';

export function getTeams(communityId?: string | null): Promise<ItemList<Team>> {
  return apiRequest<ItemList<Team>>('/api/v1/teams', { query: { communityId, limit: 200 } });
}

export function useTeams(communityId?: string | null) {
  return useQuery({ queryKey: ['teams', communityId ?? null], queryFn: () => getTeams(communityId), staleTime: 10 * 60_000 });
}

export function getTeam(id: string): Promise<TeamDetail> {
  return apiRequest<TeamDetail>(`/api/v1/teams/${encodeURIComponent(id)}`);
}

export function useTeam(id: string | undefined) {
  return useQuery({ queryKey: ['team', id], queryFn: () => getTeam(id ?? ''), enabled: Boolean(id) });
}
