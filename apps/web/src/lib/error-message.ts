import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** What to tell the user about a failed call: the server's `detail` (already in their language) when it has one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === 'network_error') return t('errors.network');
    if (error.detail) return error.detail;
    if (error.status === 403) return t('errors.forbidden');
  }
  return t('errors.unknown');
}
