import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VolunteerProfile, VolunteerUpdate } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';

export const volunteerKey = (id: string | null | undefined) => ['volunteer', id ?? null] as const;

/** A volunteer's profile, masked by the caller's rights (the full ID only through /id-number). */
export function getVolunteer(id: string): Promise<VolunteerProfile> {
  return apiRequest<VolunteerProfile>(`/api/v1/volunteers/${encodeURIComponent(id)}`);
}

export function useVolunteer(id: string | null | undefined) {
  return useQuery({ queryKey: volunteerKey(id), queryFn: () => getVolunteer(id ?? ''), enabled: Boolean(id) });
}

export function updateVolunteer(id: string, body: VolunteerUpdate): Promise<VolunteerProfile> {
  return apiRequest<VolunteerProfile>(`/api/v1/volunteers/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateVolunteer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VolunteerUpdate) => updateVolunteer(id, body),
    onSuccess: (profile) => {
      queryClient.setQueryData(volunteerKey(id), profile);
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
    },
  });
}
