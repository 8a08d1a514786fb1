import Button from 'antd-mobile/es/components/button';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../features/activities/format';
import { clearOutcome, type QueueOutcome } from '../../features/activities/offline-queue';
import { currentLanguage } from '../../lib/i18n';
import { Section } from './section';

/** Check-ins waiting for a connection, and what the server said about the ones sent later. */
export function CheckQueueSection({
  queued,
  sending,
  outcomes,
  onRetry,
}: {
  queued: number;
  sending: boolean;
  outcomes: QueueOutcome[];
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (queued === 0 && outcomes.length === 0) return null;
  return (
    <Section title={t('activities.queue.title')}>
      {queued > 0 && (
        <>
          <p className="h5-notice">{t('activities.queue.waiting', { n: queued })}</p>
          <Button block loading={sending} onClick={onRetry}>
            {t('activities.queue.sendNow')}
          </Button>
        </>
      )}
      {outcomes.length > 0 && (
        <ul className="link-list">
          {outcomes.map((outcome) => (
            <li key={outcome.id} className="info-row">
              <span className="link-list__main">
                <span className="link-list__title">
                  {outcome.activityTitle ?? outcome.activityId} ·{' '}
                  {t(`activities.scan.${outcome.action === 'check-in' ? 'checkIn' : 'checkOut'}`)}
                </span>
                <span className="link-list__meta">{t('activities.queue.madeAt', { time: formatDateTime(outcome.at, language) })}</span>
                <span className={outcome.ok ? 'h5-success' : 'h5-error'}>
                  {outcome.ok ? t('activities.queue.accepted') : t('activities.queue.refused', { reason: outcome.message })}
                </span>
              </span>
              <Button size="small" onClick={() => clearOutcome(outcome.id)}>
                {t('activities.queue.dismiss')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
