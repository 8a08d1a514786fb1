import { useTranslation } from 'react-i18next';
import { useStarNotices, useStarThresholds, useVolunteerSummary } from '../../features/hours/api/hours';
import { NotVolunteer, SignedIn } from '../../features/hours/components/h5-parts';
import { DEFAULT_STAR_THRESHOLDS_HOURS, hoursText, starProgress } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 我的星级: the level the verified hours reach, how far to the next, the ladder, and the public notice board. */
export default function StarPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.star.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.star.title')}</h1>
      <SignedIn next="/me/star" title={t('hours.star.title')}>
        {(me) => (me.volunteerId ? <MyStar volunteerId={me.volunteerId} /> : <NotVolunteer />)}
      </SignedIn>
      <NoticeBoard />
    </>
  );
}

function MyStar({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const summary = useVolunteerSummary(volunteerId);
  const thresholds = useStarThresholds();
  const hours = thresholds.data?.thresholdsHours ?? DEFAULT_STAR_THRESHOLDS_HOURS;
  const minutes = summary.data?.verifiedMinutes ?? 0;
  const progress = starProgress(minutes, hours);
  return (
    <>
      <Section title={t('hours.star.current')}>
        {summary.isPending && <Loading />}
        {summary.isError && <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && (
          <>
            <p className="hours-big-number">{progress.level > 0 ? t('star.value', { count: progress.level }) : t('star.none')}</p>
            <p>{t('hours.star.verified', { value: hoursText(minutes) })}</p>
            {progress.next ? (
              <>
                <p>
                  {t('hours.star.toNext', {
                    level: progress.next.level,
                    value: hoursText(progress.next.remainingMinutes),
                    target: progress.next.hours,
                  })}
                </p>
                <progress
                  className="hours-progress"
                  max={100}
                  value={progress.next.percent}
                  aria-label={t('hours.star.progressLabel', { level: progress.next.level, percent: progress.next.percent })}
                />
              </>
            ) : (
              <p>{t('hours.star.top')}</p>
            )}
            <p className="h5-muted">{t('hours.star.awardNote')}</p>
          </>
        )}
      </Section>
      <Section title={t('hours.star.ladder')}>
        <ol className="hours-ladder" aria-label={t('hours.star.ladder')}>
          {hours.map((h, index) => (
            <li key={h} aria-current={index + 1 === progress.level ? 'true' : undefined}>
              <span>{t('star.value', { count: index + 1 })}</span>
              <span>
                {t('hours.star.threshold', { hours: h })}
                {index + 1 <= progress.level ? ` · ${t('hours.star.reached')}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

function NoticeBoard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notices = useStarNotices();
  const items = notices.data?.items ?? [];
  return (
    <Section title={t('hours.star.notices')}>
      {notices.isPending && <Loading />}
      {notices.isError && <ErrorNotice error={notices.error} onRetry={() => void notices.refetch()} />}
      {notices.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.star.noNotices')}</p>}
      {items.length > 0 && (
        <ul className="hours-list">
          {items.map((n) => (
            <li key={n.awardId} className="hours-row">
              <div className="hours-row__head">
                <span>
                  {n.maskedName} · {n.volunteerNo}
                </span>
                <span>{t('star.value', { count: n.level })}</span>
              </div>
              <p className="hours-row__meta">
                {t('hours.hoursValue', { value: n.verifiedHours.toFixed(1) })} ·{' '}
                {t('hours.star.noticeWindow', { from: formatDate(n.noticeStart, language), to: formatDate(n.noticeEnd, language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
