import type { UiLang } from '@duodi/contracts';

/**
 * When a notification came, in Lhasa time: `2026年11月29日 14:05`, `Nov 29, 2026, 14:05`, or the
 * numeric form in Tibetan (Intl has no Tibetan month names and would fall back to Chinese).
 */
export function formatNotificationTime(iso: string, language: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const { year, month, day, hour, minute } = parts;
  if (language === 'zh-CN') return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`;
  if (language === 'en') {
    const d = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric' }).format(date);
    return `${d}, ${hour}:${minute}`;
  }
  return `${year}-${month}-${day} ${hour}:${minute}`;
}
