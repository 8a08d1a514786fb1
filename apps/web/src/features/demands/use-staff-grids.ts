import type { Grid, Me } from '@duodi/contracts';
import { useCommunityGrids } from './api/demands';
import { hasRole, scopesOf } from '../../lib/roles';

/** The grids this staff member may order in: a grid worker their own grid(s), admins their community's. */
export function useStaffGrids(me: Me | null | undefined): { grids: Grid[]; isPending: boolean; error: unknown } {
  const admin = hasRole(me, 'street_admin', 'community_admin');
  const grids = useCommunityGrids(me?.communityId ?? null, { enabled: Boolean(me) });
  const own = new Set(scopesOf(me, 'grid_worker'));
  const all = grids.data?.items ?? [];
  return { grids: admin ? all : all.filter((g) => own.has(g.id)), isPending: grids.isPending, error: grids.error };
}
