import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../../lib/api-client';

/** `GET /me/export`: all of the caller's data, as JSON or as a workbook (PIPL: access and copy). */
export function downloadMyData(format: 'json' | 'xlsx'): Promise<string> {
  return apiDownload('/api/v1/me/export', { query: format === 'xlsx' ? { format } : undefined, fallbackName: `my-data.${format}` });
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}

export type MyDeletionRequest = { id: string; status: 'pending' | 'completed'; requestedAt: string };

/** `POST /me/deletion-request`: asks staff to delete (pseudonymise) the caller's data. */
export function requestDeletion(): Promise<MyDeletionRequest> {
  return apiRequest<MyDeletionRequest>('/api/v1/me/deletion-request', { method: 'POST' });
}

export function useRequestDeletion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestDeletion, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }) });
}
