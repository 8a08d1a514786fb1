import type { DemandStatus } from '@duodi/contracts';
import { useTranslation } from 'react-i18next';
import { ORDER_STEPS, stepIndexOf } from '../model';

/** The status in words (never only in colour). */
export function DemandStatusBadge({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return <span className={`demand-status demand-status--${status}`}>{t(`orders.status.${status}`)}</span>;
}

/** Where the order stands, as numbered steps (a column in 长辈版); rejected and cancelled orders say so instead. */
export function OrderSteps({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  const current = stepIndexOf(status);
  if (current === null) {
    return (
      <p className="h5-notice">
        <DemandStatusBadge status={status} />
      </p>
    );
  }
  // A closed order has taken its last step too.
  const doneUpTo = status === 'closed' ? ORDER_STEPS.length : current;
  return (
    <>
      <p className="order-status-line">
        {t('orders.currentStatus')} <DemandStatusBadge status={status} />
      </p>
      <ol className="h5-steps order-steps" aria-label={t('orders.progress')}>
        {ORDER_STEPS.map((step, index) => {
          const state = index < doneUpTo ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li
              key={step}
              className={`h5-steps__item${state === 'current' ? ' h5-steps__item--current' : state === 'done' ? ' h5-steps__item--done' : ''}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="h5-steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span>
                {t(`orders.steps.${step}`)}
                {state === 'done' && <span className="visually-hidden"> {t('orders.stepDone')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
