import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Demand, Me } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useDemand, useMyOffers, useServiceItems } from '../../features/demands/api/demands';
import { DemandFacts } from '../../features/demands/components/demand-facts';
import { ServiceItemName, useServiceItemMap } from '../../features/demands/components/service-item-name';
import { OrderSteps } from '../../features/demands/components/status';
import { DemandTimeline } from '../../features/demands/components/timeline';
import { AnswerOffer, CompleteService, StartService } from '../../features/demands/components/volunteer-actions';
import { scriptLang } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/**
 * The beneficiary for a volunteer (DR-21): phone and address come from the API only once the
 * volunteer has accepted; before that the page says so instead of showing a masked number.
 */
function BeneficiaryCard({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const b = demand.beneficiary;
  if (!b) return null;
  return (
    <div className="contact-card">
      <p>
        <strong>{t('orders.fields.beneficiary')}</strong> <span lang={scriptLang(b.name)}>{b.name}</span>
        {b.languages.length > 0 && <span className="h5-muted"> · {b.languages.map((l) => t(`spokenLanguages.${l}`)).join(' / ')}</span>}
      </p>
      {b.address && (
        <p>
          <strong>{t('fields.address')}</strong> <span lang={scriptLang(b.address)}>{b.address}</span>
        </p>
      )}
      {b.phone ? (
        <p>
          <strong>{t('fields.phone')}</strong> <a href={`tel:${b.phone}`}>{t('offers.callBeneficiary', { phone: b.phone })}</a>
        </p>
      ) : (
        <p className="h5-muted">{t('offers.contactAfterAccept')}</p>
      )}
    </div>
  );
}

function relation(me: Me | null, demand: Demand) {
  const volunteerId = me?.volunteerId ?? null;
  const accepted = volunteerId !== null && demand.volunteerIds.includes(volunteerId);
  const teamMember = demand.teamId !== null && (me?.teamIds ?? []).includes(demand.teamId);
  return { accepted, canAnswer: Boolean(volunteerId) && teamMember && !accepted && demand.status === 'assigned' };
}

/** 任务详情 for a volunteer: accept or decline an offer, then start and complete with minutes and a summary. */
export default function TaskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const demand = useDemand(id);
  const menu = useServiceItemMap();
  const menuState = useServiceItems();
  const offers = useMyOffers({ enabled: Boolean(me.data?.volunteerId) });
  useDocumentTitle(t('offers.taskTitle'), t('app.name'));

  if (demand.isPending) return <Loading />;
  if (demand.isError) return <ErrorNotice error={demand.error} onRetry={() => void demand.refetch()} />;
  const d = demand.data;
  const item = menu.get(d.serviceItemId);
  const { accepted, canAnswer } = relation(me.data ?? null, d);
  // Declining is answering an offer (DR-16): without one of mine open, the API would say 409.
  const hasOffer = (offers.data?.items ?? []).some((offer) => offer.demand.id === d.id && offer.status === 'offered');
  const slotsLeft = d.volunteersNeeded - d.volunteerIds.length;

  return (
    <>
      <h1 className="h5-page-title">
        <ServiceItemName item={item} fallbackId={d.serviceItemId} />
      </h1>
      <OrderSteps status={d.status} />
      {d.urgency === 'urgent' && <p className="h5-notice">{t('offers.urgent')}</p>}
      {d.reworkCount > 0 && (d.status === 'accepted' || d.status === 'in_service') && <p className="h5-notice">{t('offers.rework')}</p>}
      <BeneficiaryCard demand={d} />
      {accepted && d.status === 'assigned' && slotsLeft > 0 && (
        <p role="status" className="h5-success">
          {t('offers.waitingOthers', { count: slotsLeft })}
        </p>
      )}
      {canAnswer && (
        <Section title={t('offers.answerTitle')}>
          <p className="h5-muted">{t('offers.answerHint')}</p>
          <AnswerOffer demand={d} canDecline={hasOffer} />
        </Section>
      )}
      {accepted && d.status === 'accepted' && (
        <Section title={t('offers.startTitle')}>
          <StartService demand={d} />
        </Section>
      )}
      {accepted && d.status === 'in_service' && (
        <Section title={t('offers.completeTitle')}>
          {/* The stepper starts at the item's typical time, so it waits for the menu (or its failure). */}
          {menuState.isPending ? <Loading /> : <CompleteService demand={d} typicalMinutes={item?.typicalMinutes ?? 60} />}
        </Section>
      )}
      {accepted && (d.status === 'completed' || d.status === 'rated' || d.status === 'closed') && (
        <p role="status" className="h5-success">
          {t('offers.done')}
        </p>
      )}
      <Section title={t('orders.detail.facts')}>
        <DemandFacts demand={d} />
      </Section>
      <Section title={t('orders.detail.history')}>
        <DemandTimeline history={d.history} />
      </Section>
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to="/offers">
          {t('offers.title')}
        </Link>
      </div>
    </>
  );
}
