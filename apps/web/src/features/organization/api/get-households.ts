import { useQuery } from '@tanstack/react-query';
import type { Household } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export function getHouseholds(gridId: string): Promise<Page<Household>> {
  return apiRequest<Page<Household>>('/api/v1/households', { query: { gridId, limit: 200 } });
}

export function useHouseholds(gridId: string | null | undefined) {
  return useQuery({ queryKey: ['households', gridId], queryFn: () => getHouseholds(gridId ?? ''), enabled: Boolean(gridId) });
}
