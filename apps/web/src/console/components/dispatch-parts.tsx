import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandListItem, DemandStatus, DemandUrgency, NamedPerson } from '@duodi/contracts';
import { deadlineTone, spanParts, type DeadlineTone } from '../../features/dispatch/deadline';
import { useVolunteer } from '../../features/volunteers/api/get-volunteer';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { LocalName } from './local-name';
import { StatusTag, type Tone } from './status-tag';

/** The current time, refreshed every minute, so deadline colours move on while the page is open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const DEADLINE_TONE: Record<DeadlineTone, Tone> = { ok: 'success', soon: 'warning', overdue: 'danger', none: 'neutral' };
/** A shape beside the words, so the deadline reads without colour too (WCAG 1.4.1). */
const DEADLINE_MARK: Record<DeadlineTone, string> = { ok: '●', soon: '▲', overdue: '■', none: '○' };

/** The deadline of the step the demand waits for, in colour, shape and words (DR-14). */
export function DeadlineBadge({ demand, now }: { demand: Pick<DemandListItem, 'slaDueAt' | 'overdue' | 'urgency'>; now: number }) {
  const { t } = useTranslation();
  const tone = deadlineTone(demand.slaDueAt, demand.overdue, demand.urgency, now);
  const span = spanParts(demand.slaDueAt ? Date.parse(demand.slaDueAt) - now : 0);
  const text =
    tone === 'none'
      ? t('dispatch.deadline.none')
      : t(`dispatch.deadline.${tone}`, {
          time:
            span.days > 0
              ? t('dispatch.deadline.spanDays', { days: span.days, hours: span.hours })
              : t('dispatch.deadline.span', { hours: span.hours, minutes: span.minutes }),
        });
  return (
    <StatusTag tone={DEADLINE_TONE[tone]}>
      <span aria-hidden="true">{DEADLINE_MARK[tone]} </span>
      {text}
    </StatusTag>
  );
}

/** What the deadline colours mean (shown above the board). */
export function DeadlineLegend() {
  const { t } = useTranslation();
  const tones = ['ok', 'soon', 'overdue'] as const;
  return (
    <ul
      className="dispatch-legend"
      aria-label={t('dispatch.deadline.legend')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}
    >
      {tones.map((tone) => (
        <li key={tone}>
          <StatusTag tone={DEADLINE_TONE[tone]}>
            <span aria-hidden="true">{DEADLINE_MARK[tone]} </span>
            {t(`dispatch.deadline.legendItem.${tone}`)}
          </StatusTag>
        </li>
      ))}
    </ul>
  );
}

export function UrgencyTag({ urgency }: { urgency: DemandUrgency }) {
  const { t } = useTranslation();
  return <StatusTag tone={urgency === 'urgent' ? 'danger' : 'neutral'}>{t(`dispatch.urgency.${urgency}`)}</StatusTag>;
}

const STATUS_TONE: Record<DemandStatus, Tone> = {
  submitted: 'warning',
  published: 'info',
  assigned: 'info',
  accepted: 'info',
  in_service: 'info',
  completed: 'success',
  rated: 'success',
  closed: 'neutral',
  rejected: 'danger',
  cancelled: 'neutral',
};

export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={STATUS_TONE[status]}>{t(`dispatch.status.${status}`)}</StatusTag>;
}

/**
 * A volunteer's name (masked as the caller's rights say), fetched once per id and cached: only for
 * an id that came without a name (GET /volunteers/{id} refuses volunteers outside the caller's scope).
 */
function VolunteerName({ id }: { id: string }) {
  const { t } = useTranslation();
  const volunteer = useVolunteer(id);
  if (volunteer.data) return <LocalName item={volunteer.data} />;
  if (volunteer.isError) return <span>{t('dispatch.volunteerUnknown', { id: id.slice(-6).toUpperCase() })}</span>;
  return <span>{t('common.loading')}</span>;
}

/**
 * A volunteer or staff member named by the answer they came with (the name as the caller may see it,
 * Tibetan in the Tibetan UI when there is one, and with `community` their community beside it);
 * without a name, a volunteer is looked up by `volunteerId` as before.
 */
export function PersonName({
  person,
  volunteerId,
  community = true,
}: {
  person: NamedPerson | null | undefined;
  volunteerId?: string;
  community?: boolean;
}) {
  const language = currentLanguage();
  if (!person) return volunteerId ? <VolunteerName id={volunteerId} /> : null;
  const place =
    community && person.communityName ? localName({ name: person.communityName, nameBo: person.communityNameBo }, language) : null;
  return (
    <span>
      <LocalName item={person} />
      {place && (
        <>
          {' · '}
          <span lang={langAttr(place, language)}>{place.text}</span>
        </>
      )}
    </span>
  );
}
