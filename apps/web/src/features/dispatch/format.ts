import type { UiLang } from '@duodi/contracts';
import { formatDate } from '../../lib/format';

/** A date and wall-clock time of an API time (shown in the offset it carries, Lhasa time for our server). */
export function formatDateTime(value: string | null | undefined, language: UiLang): string {
  if (!value) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return value;
  return `${formatDate(match[1] ?? '', language)} ${match[2]}:${match[3]}`;
}

/** The last characters of an id, for telling cards apart (单号). */
export const shortId = (id: string) => id.slice(-6).toUpperCase();
