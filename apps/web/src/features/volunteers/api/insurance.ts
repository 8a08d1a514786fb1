import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InsuranceCreate, InsuranceRecord } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ItemList } from '../../../lib/page';
import { volunteerKey } from './get-volunteer';

const path = (id: string) => `/api/v1/volunteers/${encodeURIComponent(id)}/insurance`;

export function getInsurance(volunteerId: string): Promise<ItemList<InsuranceRecord>> {
  return apiRequest<ItemList<InsuranceRecord>>(path(volunteerId));
}

export function useInsurance(volunteerId: string | null | undefined) {
  return useQuery({ queryKey: ['insurance', volunteerId], queryFn: () => getInsurance(volunteerId ?? ''), enabled: Boolean(volunteerId) });
}

export function addInsurance(volunteerId: string, body: InsuranceCreate): Promise<InsuranceRecord> {
  return apiRequest<InsuranceRecord>(path(volunteerId), { method: 'POST', body });
}

export function useAddInsurance(volunteerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InsuranceCreate) => addInsurance(volunteerId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['insurance', volunteerId] });
      void queryClient.invalidateQueries({ queryKey: volunteerKey(volunteerId) });
    },
  });
}
