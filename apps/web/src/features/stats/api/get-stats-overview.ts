import { useQuery } from '@tanstack/react-query';
import type { StatsOverview } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';

export function getStatsOverview(): Promise<StatsOverview> {
  return apiRequest<StatsOverview>('/api/v1/stats/overview');
}

export function useStatsOverview() {
  return useQuery({ queryKey: ['stats', 'overview'], queryFn: getStatsOverview });
}
