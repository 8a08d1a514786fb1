import { useQuery } from '@tanstack/react-query';
import type { Me } from '@duodi/contracts';
import { apiRequest, isApiError } from '../../../lib/api-client';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/v1/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}
