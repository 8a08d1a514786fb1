import { useCallback, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../features/account/api/get-me';
import { useMyActivities } from '../../features/activities/api/activities';
import { useSendCheck, type CheckResult } from '../../features/activities/api/check-in';
import { activityTitle, formatClock } from '../../features/activities/format';
import { enqueueCheck, isOfflineFailure, useCheckQueue } from '../../features/activities/offline-queue';
import { parseCheckInLink } from '../../features/activities/qr-link';
import type { CheckAction, CheckBody } from '../../features/activities/types';
import { errorMessage } from '../../lib/error-message';
import { isoWithOffset } from '../../lib/datetime';
import { formatNumber, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField, TextField } from '../components/form-field';
import { CheckQueueSection } from '../components/check-queue';
import { QrScanner } from '../components/qr-scanner';
import { Section } from '../components/section';
import '../../features/activities/activities-h5.css';

type Feedback = { kind: 'success' | 'queued' | 'error'; text: string } | null;

/**
 * 扫码签到: a volunteer checks in or out by scanning the organizer's QR (camera, or a photo of it), by the
 * 6-digit code, or by position (asked for only at the tap, DR-21). Without a connection the scan is queued
 * with its token and the device time, and sent when the phone is back online.
 */
export default function CheckInPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('activities.scan.title'), t('app.name'));
  const [params] = useSearchParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const mine = useMyActivities({ enabled: Boolean(me.data?.volunteerId) });
  const [action, setAction] = useState<CheckAction>('check-in');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [activityId, setActivityId] = useState(params.get('activity') ?? '');
  const linkToken = params.get('token');
  const send = useSendCheck();

  const describe = useCallback((error: unknown) => errorMessage(error, t), [t]);
  const onSent = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['my-activities'] }), [queryClient]);
  const queue = useCheckQueue(describe, { onSent });

  const activities = (mine.data?.items ?? []).filter((a) => a.status === 'in_progress' || a.status === 'recruiting');
  const titleOf = (id: string) => {
    const found = (mine.data?.items ?? []).find((a) => a.id === id);
    return found ? activityTitle(found, language).text : undefined;
  };

  const successText = (which: CheckAction, result: CheckResult) =>
    which === 'check-in' && 'at' in result
      ? t('activities.scan.checkedIn', { time: formatClock(result.at) })
      : 'creditedMinutes' in result
        ? t('activities.scan.checkedOut', {
            minutes: formatNumber(result.creditedMinutes, language),
            hours: formatNumber(minutesToHours(result.creditedMinutes), language),
          })
        : t('activities.scan.done');

  async function submit(targetId: string, body: CheckBody) {
    const which = action;
    setFeedback(null);
    if (!targetId) {
      setFeedback({ kind: 'error', text: t('activities.scan.chooseActivity') });
      return;
    }
    const at = isoWithOffset();
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      enqueueCheck({ activityId: targetId, activityTitle: titleOf(targetId), action: which, ...body, at });
      setFeedback({ kind: 'queued', text: t('activities.scan.queued') });
      return;
    }
    try {
      const result = await send.mutateAsync({ activityId: targetId, action: which, body });
      setFeedback({ kind: 'success', text: successText(which, result) });
    } catch (error) {
      if (isOfflineFailure(error)) {
        enqueueCheck({ activityId: targetId, activityTitle: titleOf(targetId), action: which, ...body, at });
        setFeedback({ kind: 'queued', text: t('activities.scan.queued') });
      } else {
        setFeedback({ kind: 'error', text: errorMessage(error, t) });
      }
    }
  }

  function onScanned(text: string) {
    const scanned = parseCheckInLink(text);
    if (!scanned) {
      setFeedback({ kind: 'error', text: t('activities.scan.notOurCode') });
      return;
    }
    setActivityId(scanned.activityId);
    void submit(scanned.activityId, { token: scanned.token });
  }

  if (me.isSuccess && !me.data) return <Navigate to={`/login?next=${encodeURIComponent('/check-in')}`} replace />;

  return (
    <>
      <h1 className="h5-page-title">{t('activities.scan.title')}</h1>
      <div className="checkin-actions" role="group" aria-label={t('activities.scan.action')}>
        {(['check-in', 'check-out'] as const).map((which) => (
          <button key={which} type="button" aria-pressed={action === which} onClick={() => setAction(which)}>
            {t(`activities.scan.${which === 'check-in' ? 'checkIn' : 'checkOut'}`)}
          </button>
        ))}
      </div>

      <div aria-live="polite">
        {feedback && (
          <p
            role={feedback.kind === 'error' ? 'alert' : 'status'}
            className={feedback.kind === 'error' ? 'h5-error' : feedback.kind === 'queued' ? 'h5-notice' : 'h5-success'}
          >
            {feedback.text}
          </p>
        )}
        {send.isPending && (
          <p role="status" className="h5-muted">
            {t('activities.scan.sending')}
          </p>
        )}
      </div>

      {linkToken && activityId && (
        <Section title={t('activities.scan.fromLink')}>
          <p className="h5-muted">{titleOf(activityId) ?? ''}</p>
          <Button block color="primary" loading={send.isPending} onClick={() => void submit(activityId, { token: linkToken })}>
            {t(`activities.scan.${action === 'check-in' ? 'checkIn' : 'checkOut'}`)}
          </Button>
        </Section>
      )}

      <Section title={t('activities.scan.qr')}>
        <div className="h5-form">
          <QrScanner
            onText={onScanned}
            labels={{
              openCamera: t('activities.scan.openCamera'),
              closeCamera: t('activities.scan.closeCamera'),
              choosePhoto: t('activities.scan.choosePhoto'),
              camera: t('activities.scan.cameraLabel'),
              cameraError: t('activities.scan.cameraError'),
              noCodeInPhoto: t('activities.scan.noCodeInPhoto'),
              reading: t('activities.scan.reading'),
            }}
            videoClassName="checkin-video"
            fileButtonClassName="file-button"
          />
        </div>
      </Section>

      <Section title={t('activities.scan.byCode')}>
        <CodeForm
          activityId={activityId}
          setActivityId={setActivityId}
          activities={activities}
          onSubmit={(id, code) => void submit(id, { code })}
          pending={send.isPending}
        />
      </Section>

      <Section title={t('activities.scan.byGps')}>
        <GpsForm
          activityId={activityId}
          setActivityId={setActivityId}
          activities={activities}
          onSubmit={(id, lat, lng) => void submit(id, { lat, lng })}
          pending={send.isPending}
        />
      </Section>

      <CheckQueueSection
        queued={queue.queued.length}
        sending={queue.sending}
        outcomes={queue.outcomes}
        onRetry={() => void queue.flush()}
      />
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to="/me/activities">
          {t('activities.mine.title')}
        </Link>
      </div>
    </>
  );
}

type Choice = { id: string; title: string; titleBo: string };

function ActivitySelect({
  activityId,
  setActivityId,
  activities,
}: {
  activityId: string;
  setActivityId: (id: string) => void;
  activities: Choice[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const known = activities.some((a) => a.id === activityId);
  return (
    <SelectField label={t('activities.scan.activity')} value={activityId} onChange={(event) => setActivityId(event.target.value)}>
      <option value="">{t('activities.scan.chooseActivity')}</option>
      {!known && activityId && <option value={activityId}>{activityId}</option>}
      {activities.map((a) => (
        <option key={a.id} value={a.id}>
          {activityTitle(a, language).text}
        </option>
      ))}
    </SelectField>
  );
}

function CodeForm(props: {
  activityId: string;
  setActivityId: (id: string) => void;
  activities: Choice[];
  onSubmit: (activityId: string, code: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const valid = /^\d{6}$/.test(code);
  return (
    <form
      className="h5-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onSubmit(props.activityId, code);
      }}
    >
      <ActivitySelect {...props} />
      <TextField
        label={t('activities.scan.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="\d{6}"
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
        hint={t('activities.scan.codeHint')}
      />
      <Button block type="submit" color="primary" disabled={!valid || !props.activityId} loading={props.pending}>
        {t('activities.scan.sendCode')}
      </Button>
    </form>
  );
}

function GpsForm(props: {
  activityId: string;
  setActivityId: (id: string) => void;
  activities: Choice[];
  onSubmit: (activityId: string, lat: number, lng: number) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem(t('activities.scan.gpsUnavailable'));
      return;
    }
    setLocating(true);
    // The position is read once, at this tap, and only sent with the check (DR-21: no tracking).
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        props.onSubmit(props.activityId, position.coords.latitude, position.coords.longitude);
      },
      () => {
        setLocating(false);
        setProblem(t('activities.scan.gpsDenied'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };
  return (
    <div className="h5-form">
      <ActivitySelect {...props} />
      <p className="h5-muted">{t('activities.scan.gpsPrivacy')}</p>
      <Button block color="primary" disabled={!props.activityId} loading={locating || props.pending} onClick={locate}>
        {t('activities.scan.useLocation')}
      </Button>
      {problem && (
        <p role="alert" className="h5-error">
          {problem}
        </p>
      )}
    </div>
  );
}
