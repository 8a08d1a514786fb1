import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';
import type { Activity, ActivityDetail, ActivityInput, ActivityStatus, ActivityUpdate, SignupResult, Transition } from '../types';

const activityPath = (id: string) => `/api/v1/activities/${encodeURIComponent(id)}`;

export type ActivityFilters = { status?: ActivityStatus; communityId?: string; teamId?: string; from?: string; to?: string };

export function getActivities(filters: ActivityFilters = {}): Promise<Page<Activity>> {
  return apiRequest<Page<Activity>>('/api/v1/activities', { query: { limit: 100, ...filters } });
}

export function useActivities(filters: ActivityFilters = {}, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['activities', filters], queryFn: () => getActivities(filters), enabled });
}

export function getActivity(id: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(activityPath(id));
}

export function useActivity(id: string | undefined, { refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: ['activity', id], queryFn: () => getActivity(id ?? ''), enabled: Boolean(id), refetchInterval });
}

/** The volunteer's own activities (signed up, waitlisted, past). */
export function getMyActivities(): Promise<Page<Activity>> {
  return apiRequest<Page<Activity>>('/api/v1/activities', { query: { mine: 'true', limit: 100 } });
}

export function useMyActivities({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['my-activities'], queryFn: getMyActivities, enabled });
}

function useInvalidateActivities() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => ['activities', 'activity', 'my-activities', 'activity-roster'].includes(String(q.queryKey[0])),
    });
}

export function signUp(id: string): Promise<SignupResult> {
  return apiRequest<SignupResult>(`${activityPath(id)}/signups`, { method: 'POST' });
}

export function useSignUp(id: string) {
  const invalidate = useInvalidateActivities();
  return useMutation({ mutationFn: () => signUp(id), onSuccess: () => void invalidate() });
}

export function cancelSignUp(id: string): Promise<void> {
  return apiRequest<void>(`${activityPath(id)}/signups/me`, { method: 'DELETE' });
}

export function useCancelSignUp(id: string) {
  const invalidate = useInvalidateActivities();
  return useMutation({ mutationFn: () => cancelSignUp(id), onSuccess: () => void invalidate() });
}

export function createActivity(body: ActivityInput): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>('/api/v1/activities', { method: 'POST', body });
}

export function useCreateActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({ mutationFn: createActivity, onSuccess: () => void invalidate() });
}

export type TransitionInput = { id: string; action: Transition; reason?: string };

export function transitionActivity({ id, action, reason }: TransitionInput): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(`${activityPath(id)}/${action}`, { method: 'POST', body: reason ? { reason } : {} });
}

export function useTransitionActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({ mutationFn: transitionActivity, onSuccess: () => void invalidate() });
}

export type ActivityPatch = Omit<ActivityUpdate, 'version'>;

/** The organizer's edit (draft: all fields; recruiting: description, place, risk notice, headcount up), with the version last read. */
export function updateActivity({ id, version, patch }: { id: string; version: number; patch: ActivityPatch }): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(activityPath(id), { method: 'PATCH', body: { version, ...patch } });
}

export function useUpdateActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({ mutationFn: updateActivity, onSuccess: () => void invalidate() });
}
