import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, RegisterAccount } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import { isElderlyMode } from '../../../lib/elderly-mode';
import { currentLanguage } from '../../../lib/i18n';
import { meQueryKey } from './get-me';
import { updatePreferences } from './update-preferences';

type RegisterResponse = { token: string; user: { id: string; name: string; roles: string[] } };

/**
 * Creates a phone account and signs in (the server sets the session cookie). The new account keeps the
 * language and 长辈版 chosen on this device, so that someone registering in Tibetan stays in Tibetan.
 */
export async function registerAccount(body: RegisterAccount): Promise<Me | null> {
  await apiRequest<RegisterResponse>('/api/v1/auth/register', { method: 'POST', body });
  return updatePreferences({ language: currentLanguage(), elderlyMode: isElderlyMode() });
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
