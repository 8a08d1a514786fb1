import { useMemo } from 'react';
import type { ServiceItemDto } from '@duodi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCommunities } from '../organization/api/get-communities';
import { useGrids } from '../organization/api/get-grids';
import { useTeams } from '../organization/api/get-teams';
import { apiRequest } from '../../lib/api-client';
import type { Page } from '../../lib/page';

type Named = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };

const byId = <T extends Named>(items: readonly T[] | undefined) => new Map((items ?? []).map((item) => [item.id, item]));

/** The public menu (names of the items a demand refers to). */
export function useServiceMenu() {
  return useQuery({
    queryKey: ['service-items', 'public'],
    queryFn: () => apiRequest<Page<ServiceItemDto>>('/api/v1/service-items'),
    staleTime: 10 * 60_000,
  });
}

/** Names of the places, teams and items demands point at by id, for cards and tables. */
export function useDispatchLookups() {
  const items = useServiceMenu();
  const communities = useCommunities();
  const grids = useGrids(null);
  const teams = useTeams(null);
  return useMemo(
    () => ({
      items: byId(items.data?.items),
      communities: byId(communities.data?.items),
      grids: byId(grids.data?.items),
      teams: byId(teams.data?.items),
      gridList: grids.data?.items ?? [],
      teamList: teams.data?.items ?? [],
    }),
    [items.data, communities.data, grids.data, teams.data],
  );
}
export type DispatchLookups = ReturnType<typeof useDispatchLookups>;
