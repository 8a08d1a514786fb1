import { useQuery } from '@tanstack/react-query';
import type { Grid } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList } from '../../../lib/page';

export function getGrids(communityId?: string | null): Promise<ItemList<Grid>> {
  return apiRequest<ItemList<Grid>>('/api/v1/grids', { query: { communityId, limit: 200 } });
}

export function useGrids(communityId?: string | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['grids', communityId ?? null],
    queryFn: () => getGrids(communityId),
    enabled,
  });
}
