import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolunteerRegistration } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';

export type VolunteerRegistered = { id: string; volunteerNo: string };

/** `POST /volunteers`: the caller registers themselves, or staff register someone else. */
export function registerVolunteer(body: VolunteerRegistration): Promise<VolunteerRegistered> {
  return apiRequest<VolunteerRegistered>('/api/v1/volunteers', { method: 'POST', body });
}

export function useRegisterVolunteer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerVolunteer,
    // The caller's /me now has a volunteerId (self-registration); lists gain a row (staff).
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'me' || q.queryKey[0] === 'volunteers' }),
  });
}
