import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Demand, DemandUrgency } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useCreateDemand, useServiceItems, type DemandOrder } from '../../features/demands/api/demands';
import { EmergencyGuidance } from '../../features/demands/components/emergency';
import { ChoiceGroup } from '../../features/demands/components/choice-group';
import { availableTimeChoices, timeWindow, type TimeChoice } from '../../features/demands/model';
import { useIdempotencyKey } from '../../features/demands/use-idempotency';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName, scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextAreaField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/**
 * One-tap ordering (点单): the item is already chosen; everything on this page has a default, so
 * "确认下单" alone places the order. No timers, no steps that expire.
 */
export default function OrderNewPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { itemId = '' } = useParams();
  const me = useMe();
  const items = useServiceItems();
  const create = useCreateDemand();
  const keyFor = useIdempotencyKey();
  const [description, setDescription] = useState('');
  const [timeChoices] = useState(() => availableTimeChoices());
  const [time, setTime] = useState<TimeChoice>('any');
  const [urgency, setUrgency] = useState<DemandUrgency>('normal');
  const item = items.data?.items.find((i) => i.id === itemId);
  const name = item ? localName(item, language) : null;
  useDocumentTitle(name ? t('orders.new.titleWith', { name: name.text }) : t('orders.new.title'), t('app.name'));

  if (me.isPending || items.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (items.isError) return <ErrorNotice error={items.error} onRetry={() => void items.refetch()} />;
  const user = me.data;
  if (!user) {
    return (
      <Section title={t('orders.new.title')}>
        <p className="h5-muted">{t('orders.menu.signInToOrder')}</p>
        <div className="h5-actions">
          <Link className="h5-button-link" to={`/login?next=${encodeURIComponent(`/services/${itemId}/order`)}`}>
            {t('h5.home.signIn')}
          </Link>
        </div>
      </Section>
    );
  }
  if (!item || !name || (user.communityId && item.disabledCommunityIds.includes(user.communityId))) {
    return (
      <Section title={t('orders.new.title')}>
        <p className="h5-error">{t('orders.new.unknownItem')}</p>
        <Link to="/services">{t('orders.menu.back')}</Link>
      </Section>
    );
  }
  if (!hasRole(user, 'resident') || !user.gridId) {
    return (
      <Section title={t('orders.new.title')}>
        <p className="h5-notice">{t('orders.menu.residentsOnly')}</p>
        <Link to="/services">{t('orders.menu.back')}</Link>
      </Section>
    );
  }

  if (create.isSuccess) return <OrderPlaced demand={create.data} />;

  const gridId = user.gridId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: DemandOrder = {
      serviceItemId: item.id,
      // The description is optional on this screen; the item's name says what is needed.
      description: description.trim() || name.text,
      gridId,
      urgency,
      channel: 'app',
      ...(timeWindow(time) ?? {}),
    };
    create.mutate({ body, key: keyFor(body) });
  };
  const emergency = isApiError(create.error) && create.error.code === 'emergency_not_volunteer_service' ? create.error : null;

  return (
    <form className="h5-form" onSubmit={submit} noValidate>
      <h1 className="h5-page-title">{t('orders.new.title')}</h1>
      <div className="order-summary">
        <p className="order-summary__name" lang={langAttr(name, language)}>
          {name.text}
        </p>
        <p className="h5-muted">
          {t(`domains.${item.category}`)} · {t('orders.menu.typical', { minutes: formatNumber(item.typicalMinutes, language) })}
        </p>
        {item.description && <p lang={scriptLang(item.description)}>{item.description}</p>}
      </div>
      <TextAreaField
        label={t('orders.new.description')}
        optional={t('common.optional')}
        hint={t('orders.new.descriptionHint')}
        rows={4}
        maxLength={1000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <ChoiceGroup
        legend={t('orders.new.when')}
        options={timeChoices.map((choice) => ({ value: choice, label: t(`orders.time.${choice}`) }))}
        value={time}
        onChange={setTime}
      />
      <ChoiceGroup
        legend={t('orders.new.urgency')}
        hint={t('orders.new.urgencyHint')}
        options={(['normal', 'urgent'] as const).map((value) => ({ value, label: t(`orders.urgency.${value}`) }))}
        value={urgency}
        onChange={setUrgency}
      />
      <p className="h5-notice">{t('orders.new.free')}</p>
      {emergency && <EmergencyGuidance message={emergency.detail} />}
      {create.isError && !emergency && (
        <p role="alert" className="h5-error">
          {errorMessage(create.error, t)}
        </p>
      )}
      <div className="h5-actions">
        <Button block size="large" color="primary" type="submit" loading={create.isPending}>
          {t('orders.new.submit')}
        </Button>
        <Link className="h5-button-link h5-button-link--ghost" to="/services">
          {t('orders.menu.back')}
        </Link>
      </div>
    </form>
  );
}

function OrderPlaced({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  return (
    <Section title={t('orders.placed.title')}>
      <p className="h5-success" role="status">
        {t('orders.placed.body')}
      </p>
      <p>
        {t('orders.placed.numberLabel')} <span className="order-number">{demand.id}</span>
      </p>
      <p className="h5-muted">{t('orders.placed.next')}</p>
      {demand.feeFlag && <p className="h5-notice">{t('orders.feeFlag')}</p>}
      <div className="h5-actions">
        <Link className="h5-button-link" to={`/orders/${encodeURIComponent(demand.id)}`}>
          {t('orders.placed.view')}
        </Link>
        <Link className="h5-button-link h5-button-link--ghost" to="/orders">
          {t('orders.mine.title')}
        </Link>
      </div>
    </Section>
  );
}
