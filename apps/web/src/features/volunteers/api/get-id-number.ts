import { useMutation } from '@tanstack/react-query';
import type { IdType } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';

export type IdNumberView = { idType: IdType; idNumber: string };

/** The full ID number, for need-to-know roles only; the server writes every call to the access log. */
export function getIdNumber(volunteerId: string): Promise<IdNumberView> {
  return apiRequest<IdNumberView>(`/api/v1/volunteers/${encodeURIComponent(volunteerId)}/id-number`);
}

/** A mutation, not a query: each view is a deliberate, logged act and is never cached or refetched. */
export function useRevealIdNumber() {
  return useMutation({ mutationFn: getIdNumber });
}
