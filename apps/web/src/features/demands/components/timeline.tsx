import type { Demand } from '@duodi/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { scriptLang } from '../../../lib/localize';
import { formatDateTime } from '../model';

const KNOWN_ACTIONS = new Set([
  'submit',
  'publish',
  'reject',
  'assign',
  'accept',
  'decline',
  'start',
  'complete',
  'rate',
  'close',
  'cancel',
  'escalate',
  'no_show',
]);

/**
 * The words of a history note. The server joins parts with " — ": machine markers (fee flag, score,
 * rework, nobody else holding an offer) become catalog text; what people typed stays as it is.
 */
export function noteText(note: string | null, t: TFunction): string | null {
  if (!note) return null;
  const parts = note
    .split(' — ')
    .map((part) => {
      if (part === 'fee_flag') return t('orders.feeFlagShort');
      if (part === 'no_open_offers') return t('orders.history.noOpenOffers');
      if (part === 'rework (重办)') return null;
      const score = /^score ([1-5])$/.exec(part);
      if (score) return t(`orders.rate.scores.${score[1] as '1'}`);
      return part;
    })
    .filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' — ') : null;
}

/** The order's history, oldest first: what happened, when, and the note (reasons, follow-up, 重办). */
export function DemandTimeline({ history }: { history: Demand['history'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (history.length === 0) return <p className="h5-muted">{t('common.empty')}</p>;
  return (
    <ol className="demand-timeline">
      {history.map((entry, index) => {
        const rework = entry.action === 'rate' && entry.to === 'accepted';
        const label = rework
          ? t('orders.history.rework')
          : KNOWN_ACTIONS.has(entry.action)
            ? t(`orders.history.${entry.action as 'submit'}`)
            : t(`orders.status.${entry.to}`);
        const escalatedTo = entry.action === 'escalate' && (entry.note === 'community' || entry.note === 'street') ? entry.note : null;
        const note = escalatedTo ? t(`orders.history.escalatedTo.${escalatedTo}`) : noteText(entry.note, t);
        return (
          <li key={`${entry.at}-${index}`} className="demand-timeline__item">
            <span className="demand-timeline__what">{label}</span>
            <time className="demand-timeline__when" dateTime={entry.at}>
              {formatDateTime(entry.at, language)}
            </time>
            {note && (
              <span className="demand-timeline__note" lang={scriptLang(note)}>
                {note}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
