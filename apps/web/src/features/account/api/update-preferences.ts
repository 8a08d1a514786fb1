import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, PreferencesBody } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function updatePreferences(body: PreferencesBody): Promise<Me> {
  return apiRequest<Me>('/api/v1/me/preferences', { method: 'PATCH', body });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
