import { useMemo } from 'react';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useGrids } from '../../features/organization/api/get-grids';
import { useTeams } from '../../features/organization/api/get-teams';
import { useStaffServiceItems } from '../../features/dispatch/api/service-items';

type Named = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };

const byId = <T extends Named>(items: readonly T[] | undefined) => new Map((items ?? []).map((item) => [item.id, item]));

/** Names of the places, teams and items demands point at by id, for cards and tables. */
export function useDispatchLookups() {
  // The whole menu (`all=1`, staff), so demands of an item switched off since still show its name.
  const items = useStaffServiceItems();
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
