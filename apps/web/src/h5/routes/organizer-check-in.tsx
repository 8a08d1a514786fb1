import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import QRCode from 'qrcode';
import { useActivity, useTransitionActivity } from '../../features/activities/api/activities';
import { useCheckInCode, useMarkNoShow, useRoster } from '../../features/activities/api/check-in';
import { activityTitle, formatClock, formatWindow } from '../../features/activities/format';
import { checkInLink } from '../../features/activities/qr-link';
import type { Activity, RosterEntry } from '../../features/activities/types';
import { errorMessage } from '../../lib/error-message';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { scriptLang } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/activities/activities-h5.css';

/** The organizer's check-in screen: the rotating QR and code, the live roster, no-shows, start and end. */
export default function OrganizerCheckInPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const activity = useActivity(id, { refetchInterval: 15_000 });
  const title = activity.data ? activityTitle(activity.data, language) : null;
  useDocumentTitle(t('activities.organizer.title'), title?.text ?? t('app.name'));
  const transition = useTransitionActivity();
  const [confirmEnd, setConfirmEnd] = useState(false);

  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorNotice error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;

  return (
    <>
      <h1 className="h5-page-title">{t('activities.organizer.title')}</h1>
      <p>
        <Localized value={title!} /> · {formatWindow(a.startsAt, a.endsAt, language)}
      </p>
      <p>
        <span className={`status-badge status-badge--${a.status}`}>{t(`activities.status.${a.status}`)}</span>
      </p>

      {a.status === 'recruiting' && (
        <Section title={t('activities.organizer.startTitle')}>
          <p className="h5-muted">{t('activities.organizer.startHint')}</p>
          <Button block color="primary" loading={transition.isPending} onClick={() => transition.mutate({ id: a.id, action: 'start' })}>
            {t('activities.actions.start')}
          </Button>
        </Section>
      )}
      {transition.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(transition.error, t)}
        </p>
      )}

      {a.status === 'in_progress' && <QrPanel activity={a} />}

      <RosterSection activity={a} />

      {a.status === 'in_progress' && (
        <Section title={t('activities.organizer.endTitle')}>
          {!confirmEnd ? (
            <Button block onClick={() => setConfirmEnd(true)}>
              {t('activities.actions.end')}
            </Button>
          ) : (
            <div className="h5-confirm">
              <p>{t('activities.organizer.endConfirm')}</p>
              <div className="h5-actions">
                <Button
                  color="danger"
                  loading={transition.isPending}
                  onClick={() => transition.mutate({ id: a.id, action: 'end' }, { onSettled: () => setConfirmEnd(false) })}
                >
                  {t('activities.organizer.endYes')}
                </Button>
                <Button onClick={() => setConfirmEnd(false)}>{t('common.cancel')}</Button>
              </div>
            </div>
          )}
        </Section>
      )}
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to={`/activities/${a.id}`}>
          {t('activities.organizer.backToActivity')}
        </Link>
      </div>
    </>
  );
}

function useSecondsLeft(expiresAt: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!expiresAt) return null;
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/** The QR (a link with the short-lived signed token) as a crisp SVG image, the 6-digit code and a countdown. */
function QrPanel({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const code = useCheckInCode(activity.id);
  const [svg, setSvg] = useState<string | null>(null);
  const token = code.data?.token;
  const secondsLeft = useSecondsLeft(code.data?.expiresAt);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    QRCode.toString(checkInLink(window.location.origin, activity.id, token), { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      .then((text) => {
        if (!cancelled) setSvg(text);
      })
      .catch(() => {
        if (!cancelled) setSvg(null);
      });
    return () => {
      cancelled = true;
    };
  }, [activity.id, token]);

  return (
    <Section title={t('activities.organizer.qrTitle')}>
      {code.isPending && <Loading />}
      {code.isError && <ErrorNotice error={code.error} onRetry={() => void code.refetch()} />}
      {code.data && (
        <div className="checkin-qr">
          {svg && (
            <img
              data-testid="check-in-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
              alt={t('activities.organizer.qrAlt', { title: activityTitle(activity, language).text })}
              width={420}
              height={420}
            />
          )}
          <p className="h5-muted">{t('activities.organizer.codeLabel')}</p>
          <p className="checkin-code" aria-label={t('activities.organizer.codeAria', { code: code.data.code.split('').join(' ') })}>
            {code.data.code}
          </p>
          <p role="timer" aria-live="off" className="h5-muted">
            {secondsLeft !== null && secondsLeft > 0
              ? t('activities.organizer.refreshesIn', { seconds: formatNumber(secondsLeft, language) })
              : t('activities.organizer.refreshing')}
          </p>
        </div>
      )}
    </Section>
  );
}

function rosterState(entry: RosterEntry): 'noShow' | 'waitlisted' | 'cancelled' | 'checkedOut' | 'checkedIn' | 'notYet' {
  if (entry.status === 'no_show') return 'noShow';
  if (entry.status === 'waitlisted') return 'waitlisted';
  if (entry.status === 'cancelled') return 'cancelled';
  if (entry.checkedOutAt) return 'checkedOut';
  if (entry.checkedInAt) return 'checkedIn';
  return 'notYet';
}

function RosterSection({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const live = activity.status === 'in_progress';
  const roster = useRoster(activity.id, { refetchInterval: live ? 5_000 : undefined });
  const noShow = useMarkNoShow(activity.id);
  const items = (roster.data?.items ?? []).filter((entry) => entry.status !== 'cancelled');
  const checkedIn = roster.data?.checkedIn ?? 0;
  const confirmed = roster.data?.confirmed ?? 0;

  return (
    <Section title={t('activities.roster.title')}>
      {roster.isPending && <Loading />}
      {roster.isError && <ErrorNotice error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && (
        <p role="status" className="h5-muted">
          {t('activities.roster.summary', { checkedIn: formatNumber(checkedIn, language), total: formatNumber(confirmed, language) })}
        </p>
      )}
      {roster.isSuccess && items.length === 0 && <p className="h5-muted">{t('activities.roster.empty')}</p>}
      <ul className="link-list" aria-label={t('activities.roster.title')}>
        {items.map((entry) => {
          const name = { text: entry.name, lang: scriptLang(entry.name) ?? language };
          const state = rosterState(entry);
          return (
            <li key={entry.volunteerId} className="roster-row">
              <span className="link-list__main">
                <Localized className="link-list__title" value={name} />
                <span className="link-list__meta">
                  {t(`activities.roster.state.${state}`, {
                    time: entry.checkedOutAt ? formatClock(entry.checkedOutAt) : entry.checkedInAt ? formatClock(entry.checkedInAt) : '',
                    position: entry.position ?? '—',
                  })}
                  {entry.flagged ? ` · ${t('activities.roster.flagged')}` : ''}
                </span>
              </span>
              {(live || activity.status === 'ended') && entry.status === 'confirmed' && !entry.checkedInAt && (
                <Button
                  size="small"
                  loading={noShow.isPending && noShow.variables === entry.volunteerId}
                  onClick={() => noShow.mutate(entry.volunteerId)}
                  aria-label={t('activities.roster.markNoShowFor', { name: name.text })}
                >
                  {t('activities.roster.markNoShow')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {noShow.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(noShow.error, t)}
        </p>
      )}
    </Section>
  );
}
