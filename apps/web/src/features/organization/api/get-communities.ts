import { useQuery } from '@tanstack/react-query';
import type { Community, CommunityDetail } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export function getCommunities(): Promise<Page<Community>> {
  return apiRequest<Page<Community>>('/api/v1/communities', { query: { limit: 200 } });
}

export function useCommunities() {
  return useQuery({ queryKey: ['communities'], queryFn: getCommunities, staleTime: 10 * 60_000 });
}

export function getCommunity(id: string): Promise<CommunityDetail> {
  return apiRequest<CommunityDetail>(`/api/v1/communities/${encodeURIComponent(id)}`);
}

export function useCommunity(id: string | undefined) {
  return useQuery({
    queryKey: ['communities', id],
    queryFn: () => getCommunity(id ?? ''),
    enabled: Boolean(id),
  });
}
