import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, RegisterAccount } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import { getMe, meQueryKey } from './get-me';

type RegisterResponse = { token: string; user: { id: string; name: string; roles: string[] } };

/** Creates a phone account and signs in (the server sets the session cookie); returns the new profile. */
export async function registerAccount(body: RegisterAccount): Promise<Me | null> {
  await apiRequest<RegisterResponse>('/api/v1/auth/register', { method: 'POST', body });
  return getMe();
}

export function useRegisterAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerAccount,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
