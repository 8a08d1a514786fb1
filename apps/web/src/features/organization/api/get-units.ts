import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList } from '../../../lib/page';

export function getUnits(): Promise<ItemList<Unit>> {
  return apiRequest<ItemList<Unit>>('/api/v1/units', { query: { limit: 200 } });
}

export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: getUnits });
}
