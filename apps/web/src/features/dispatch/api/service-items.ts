import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceItemDto, SpokenLanguage, Skill, TeamDomain } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

/** A menu item as staff see it (`GET /service-items?all=1`): switched-off items too, with the teams providing it (资源清单). */
export type StaffServiceItem = ServiceItemDto;

/** `POST /service-items` (street admin); `PATCH` takes any part of it. */
export type ServiceItemInput = {
  name: string;
  nameBo?: string | null;
  nameEn?: string | null;
  category: TeamDomain;
  skills: Skill[];
  languages: SpokenLanguage[];
  typicalMinutes: number;
  volunteersNeeded: number;
  description?: string | null;
  active?: boolean;
};

const KEY = ['service-items', 'all'] as const;

export function getStaffServiceItems(): Promise<Page<StaffServiceItem>> {
  return apiRequest<Page<StaffServiceItem>>('/api/v1/service-items', { query: { all: 1, limit: 200 } });
}

/** 项目清单 for staff: every item of the street's menu, active or not. */
export function useStaffServiceItems() {
  return useQuery({ queryKey: KEY, queryFn: getStaffServiceItems, staleTime: 60_000 });
}

export function createServiceItem(body: ServiceItemInput): Promise<StaffServiceItem> {
  return apiRequest<StaffServiceItem>('/api/v1/service-items', { method: 'POST', body });
}

export function updateServiceItem(id: string, body: Partial<ServiceItemInput>): Promise<StaffServiceItem> {
  return apiRequest<StaffServiceItem>(`/api/v1/service-items/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function setServiceItemTeams(id: string, teamIds: string[]): Promise<StaffServiceItem> {
  return apiRequest<StaffServiceItem>(`/api/v1/service-items/${encodeURIComponent(id)}/teams`, { method: 'PUT', body: { teamIds } });
}

function useMenuMutation<V>(fn: (vars: V) => Promise<StaffServiceItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['service-items'] });
    },
  });
}

export const useCreateServiceItem = () => useMenuMutation(createServiceItem);
export const useUpdateServiceItem = () =>
  useMenuMutation(({ id, body }: { id: string; body: Partial<ServiceItemInput> }) => updateServiceItem(id, body));
export const useSetServiceItemTeams = () =>
  useMenuMutation(({ id, teamIds }: { id: string; teamIds: string[] }) => setServiceItemTeams(id, teamIds));

/** `PUT /service-items/{id}/communities/{communityId}`: a community switches the item on or off for itself. */
export function setServiceItemCommunity(id: string, communityId: string, enabled: boolean): Promise<StaffServiceItem> {
  return apiRequest<StaffServiceItem>(`/api/v1/service-items/${encodeURIComponent(id)}/communities/${encodeURIComponent(communityId)}`, {
    method: 'PUT',
    body: { enabled },
  });
}
export const useSetServiceItemCommunity = () =>
  useMenuMutation(({ id, communityId, enabled }: { id: string; communityId: string; enabled: boolean }) =>
    setServiceItemCommunity(id, communityId, enabled),
  );
