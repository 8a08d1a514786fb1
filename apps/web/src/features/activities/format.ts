import type { UiLang } from '@duodi/contracts';
import { formatDate } from '../../lib/format';
import { localText, type LocalizedText } from '../../lib/localize';
import type { Activity } from './types';

/** Hours and minutes of an ISO time on this device, `14:05`. */
export function formatClock(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function localDay(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026年11月29日 14:00–16:00` (the end's date is repeated only when it differs). */
export function formatWindow(startsAt: string, endsAt: string, language: UiLang): string {
  const startDay = localDay(startsAt);
  const endDay = localDay(endsAt);
  const start = `${formatDate(startDay, language)} ${formatClock(startsAt)}`;
  const end = startDay === endDay ? formatClock(endsAt) : `${formatDate(endDay, language)} ${formatClock(endsAt)}`;
  return `${start}–${end}`;
}

export function formatDateTime(value: string, language: UiLang): string {
  return `${formatDate(localDay(value), language)} ${formatClock(value)}`;
}

/** The activity's title in the UI language (Tibetan when there is one), with the language it is in. */
export function activityTitle(activity: Pick<Activity, 'title' | 'titleBo'>, language: UiLang): LocalizedText {
  return localText(activity.title, activity.titleBo, language) ?? { text: activity.title, lang: 'zh-CN' };
}
