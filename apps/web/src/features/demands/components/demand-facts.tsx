import type { Demand } from '@duodi/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { scriptLang } from '../../../lib/localize';
import { formatDateTime } from '../model';

/** The facts of an order every viewer may see (number, times, urgency, what was asked, outcomes). */
export function DemandFacts({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const window =
    demand.preferredStart || demand.preferredEnd
      ? [demand.preferredStart, demand.preferredEnd].map((v) => (v ? formatDateTime(v, language) : '…')).join(' – ')
      : t('orders.time.any');
  return (
    <dl className="fact-list">
      <div>
        <dt>{t('orders.fields.number')}</dt>
        <dd className="order-number">{demand.id}</dd>
      </div>
      <div>
        <dt>{t('orders.fields.orderedAt')}</dt>
        <dd>{formatDateTime(demand.createdAt, language)}</dd>
      </div>
      <div>
        <dt>{t('orders.fields.when')}</dt>
        <dd>{window}</dd>
      </div>
      <div>
        <dt>{t('orders.fields.urgency')}</dt>
        <dd>{t(`orders.urgency.${demand.urgency}`)}</dd>
      </div>
      <div>
        <dt>{t('orders.fields.description')}</dt>
        <dd lang={scriptLang(demand.description)}>{demand.description}</dd>
      </div>
      {demand.volunteersNeeded > 1 && (
        <div>
          <dt>{t('orders.fields.volunteers')}</dt>
          <dd>{t('orders.fields.volunteersOf', { count: demand.volunteerIds.length, needed: demand.volunteersNeeded })}</dd>
        </div>
      )}
      {demand.rejectReason && (
        <div>
          <dt>{t('orders.fields.rejectReason')}</dt>
          <dd lang={scriptLang(demand.rejectReason)}>{demand.rejectReason}</dd>
        </div>
      )}
      {demand.cancelReason && (
        <div>
          <dt>{t('orders.fields.cancelReason')}</dt>
          <dd lang={scriptLang(demand.cancelReason)}>{demand.cancelReason}</dd>
        </div>
      )}
      {demand.rating !== null && (
        <div>
          <dt>{t('orders.fields.rating')}</dt>
          <dd>
            {t(`orders.rate.scores.${String(demand.rating) as '5'}`)}
            {demand.ratingComment && <span lang={scriptLang(demand.ratingComment)}> · {demand.ratingComment}</span>}
          </dd>
        </div>
      )}
      {demand.followUp && (
        <div>
          <dt>{t('orders.fields.followUp')}</dt>
          <dd lang={scriptLang(demand.followUp)}>{demand.followUp}</dd>
        </div>
      )}
    </dl>
  );
}
