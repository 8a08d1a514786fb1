import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { StarAward, StarNotice } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useMyStarAwards, useObjectToAward, useStarNotices, useStarThresholds, useVolunteerSummary } from '../../features/hours/api/hours';
import { NotVolunteer, SignedIn } from '../../features/hours/components/h5-parts';
import { DEFAULT_STAR_THRESHOLDS_HOURS, hoursError, hoursText, starProgress } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextAreaField } from '../components/form-field';
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
      <MyAwards />
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

/** The caller's own award flow: proposed → reviewed → on notice → awarded (or rejected / revoked). */
function MyAwards() {
  const { t } = useTranslation();
  const awards = useMyStarAwards();
  const items = awards.data?.items ?? [];
  return (
    <Section title={t('hoursGaps.myAwards.title')}>
      {awards.isPending && <Loading />}
      {awards.isError && <ErrorNotice error={awards.error} onRetry={() => void awards.refetch()} />}
      {awards.isSuccess && items.length === 0 && <p className="h5-muted">{t('hoursGaps.myAwards.empty')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hoursGaps.myAwards.title')}>
          {items.map((a) => (
            <AwardRow key={a.id} award={a} />
          ))}
        </ul>
      )}
    </Section>
  );
}

const AWARD_BADGE: Record<StarAward['status'], string> = {
  proposed: 'pending',
  reviewed: 'pending',
  on_notice: 'pending',
  awarded: 'approved',
  rejected: 'rejected',
  revoked: 'rejected',
};

function AwardRow({ award }: { award: StarAward }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{t('hoursGaps.myAwards.level', { level: award.level })}</span>
        <span className={`status-badge status-badge--${AWARD_BADGE[award.status]}`}>{t(`hoursGaps.myAwards.status.${award.status}`)}</span>
      </div>
      <p className="hours-row__meta">{t('hoursGaps.myAwards.proposedAt', { date: formatDate(award.proposedAt, language) })}</p>
      {award.noticeStart && award.noticeEnd && (
        <p className="hours-row__meta">
          {t('hoursGaps.myAwards.noticeWindow', {
            from: formatDate(award.noticeStart, language),
            to: formatDate(award.noticeEnd, language),
          })}
        </p>
      )}
      {award.awardedAt && award.status === 'awarded' && (
        <p>{t('hoursGaps.myAwards.awardedAt', { date: formatDate(award.awardedAt, language) })}</p>
      )}
      {award.reason && (award.status === 'rejected' || award.status === 'revoked') && (
        <p>{t('hoursGaps.myAwards.reason', { reason: award.reason })}</p>
      )}
    </li>
  );
}

function NoticeBoard() {
  const { t } = useTranslation();
  const notices = useStarNotices();
  const me = useMe();
  const items = notices.data?.items ?? [];
  return (
    <Section title={t('hours.star.notices')}>
      {notices.isPending && <Loading />}
      {notices.isError && <ErrorNotice error={notices.error} onRetry={() => void notices.refetch()} />}
      {notices.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.star.noNotices')}</p>}
      {items.length > 0 && (
        <ul className="hours-list">
          {items.map((n) => (
            <NoticeRow key={n.awardId} notice={n} canObject={Boolean(me.data)} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One award on public notice; anyone signed in may object before its last day (异议). */
function NoticeRow({ notice, canObject }: { notice: StarNotice; canObject: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const object = useObjectToAward();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const bad = text.trim().length < 2;
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>
          {notice.maskedName} · {notice.volunteerNo}
        </span>
        <span>{t('star.value', { count: notice.level })}</span>
      </div>
      <p className="hours-row__meta">
        {t('hours.hoursValue', { value: notice.verifiedHours.toFixed(1) })} ·{' '}
        {t('hours.star.noticeWindow', { from: formatDate(notice.noticeStart, language), to: formatDate(notice.noticeEnd, language) })}
      </p>
      {object.isSuccess && (
        <p role="status" className="h5-success">
          {t('hours.star.objectionSent')}
        </p>
      )}
      {canObject && !open && !object.isSuccess && (
        <button type="button" className="h5-text-button" onClick={() => setOpen(true)}>
          {t('hours.star.object', { no: notice.volunteerNo })}
        </button>
      )}
      {open && (
        <form
          className="h5-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (!bad) object.mutate({ awardId: notice.awardId, text: text.trim() }, { onSuccess: () => setOpen(false) });
          }}
        >
          <TextAreaField
            label={t('hours.star.objectionText')}
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
            error={touched && bad ? t('common.reasonRequired', { count: 2 }) : undefined}
          />
          {object.isError && (
            <p role="alert" className="h5-error">
              {hoursError(object.error, t)}
            </p>
          )}
          <Button block color="primary" type="submit" loading={object.isPending}>
            {t('hours.star.sendObjection')}
          </Button>
          <Button block onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </form>
      )}
    </li>
  );
}
