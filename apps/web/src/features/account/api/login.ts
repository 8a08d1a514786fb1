import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import { getMe, meQueryKey } from './get-me';

type LoginResponse = { token: string; user: { id: string; name: string; roles: string[] } };

/** Signs in (the server sets the httpOnly `sid` cookie) and loads the full profile. */
export async function login(body: LoginBody): Promise<Me | null> {
  await apiRequest<LoginResponse>('/api/v1/auth/login', { method: 'POST', body });
  return getMe();
}

export function useLogin({ onSignedIn }: { onSignedIn?: (me: Me | null) => void | Promise<void> } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (me) => {
      // Drop what was cached for the anonymous visitor; lists are scoped by the caller.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
      await onSignedIn?.(me);
    },
  });
}
