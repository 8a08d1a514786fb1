import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Household,
  HouseholdCreate,
  HouseholdUpdate,
  ResidentCreate,
  ResidentListItem,
  ResidentMove,
  ResidentUpdate,
} from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';

function useInvalidateResidents() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => ['residents', 'households', 'grids', 'communities'].includes(String(q.queryKey[0])),
    });
}

export function createResident(body: ResidentCreate): Promise<ResidentListItem> {
  return apiRequest<ResidentListItem>('/api/v1/residents', { method: 'POST', body });
}

export function useCreateResident() {
  const invalidate = useInvalidateResidents();
  return useMutation({ mutationFn: createResident, onSuccess: () => void invalidate() });
}

export function updateResident(id: string, body: ResidentUpdate): Promise<ResidentListItem> {
  return apiRequest<ResidentListItem>(`/api/v1/residents/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateResident() {
  const invalidate = useInvalidateResidents();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResidentUpdate }) => updateResident(id, body),
    onSuccess: () => void invalidate(),
  });
}

export function moveResident(id: string, body: ResidentMove): Promise<ResidentListItem> {
  return apiRequest<ResidentListItem>(`/api/v1/residents/${encodeURIComponent(id)}/move`, { method: 'POST', body });
}

export function useMoveResident() {
  const invalidate = useInvalidateResidents();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResidentMove }) => moveResident(id, body),
    onSuccess: () => void invalidate(),
  });
}

export function createHousehold(body: HouseholdCreate): Promise<Household> {
  return apiRequest<Household>('/api/v1/households', { method: 'POST', body });
}

export function useCreateHousehold() {
  const invalidate = useInvalidateResidents();
  return useMutation({ mutationFn: createHousehold, onSuccess: () => void invalidate() });
}

export function updateHousehold(id: string, body: HouseholdUpdate): Promise<Household> {
  return apiRequest<Household>(`/api/v1/households/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateHousehold() {
  const invalidate = useInvalidateResidents();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HouseholdUpdate }) => updateHousehold(id, body),
    onSuccess: () => void invalidate(),
  });
}
