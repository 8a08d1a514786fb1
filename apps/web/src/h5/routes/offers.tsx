import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DemandListItem } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useDemands, useMyOffers, type MyDemandOffer } from '../../features/demands/api/demands';
import { DemandLinkList } from '../../features/demands/components/demand-list';
import { ServiceItemName, useServiceItemMap } from '../../features/demands/components/service-item-name';
import { formatDateTime } from '../../features/demands/model';
import { currentLanguage } from '../../lib/i18n';
import { scriptLang } from '../../lib/localize';
import { isVolunteer } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

const flat = (pages: { items: DemandListItem[] }[] | undefined) => pages?.flatMap((page) => page.items) ?? [];

/**
 * 接单: my tasks first (accepted and in service), then the offers made to me and the demands my
 * teams took that still need volunteers. Each opens the task page where I accept or decline.
 */
export default function OffersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('offers.title'), t('app.name'));
  const me = useMe();
  const user = me.data ?? null;
  const volunteerId = user?.volunteerId ?? null;
  const enabled = Boolean(volunteerId);
  const offers = useMyOffers({ enabled });
  const accepted = useDemands({ status: 'accepted' }, { enabled });
  const inService = useDemands({ status: 'in_service' }, { enabled });
  const teamOpen = useDemands({ status: 'assigned' }, { enabled });

  const mine = (items: DemandListItem[]) => items.filter((d) => volunteerId !== null && d.volunteerIds.includes(volunteerId));
  const tasks = [...mine(flat(inService.data?.pages)), ...mine(flat(accepted.data?.pages))];
  const offered = (offers.data?.items ?? []).filter((offer) => offer.status === 'offered');
  const offeredIds = new Set(offered.map((offer) => offer.demand.id));
  const others = flat(teamOpen.data?.pages).filter(
    (d) =>
      d.teamId !== null &&
      (user?.teamIds ?? []).includes(d.teamId) &&
      !(volunteerId && d.volunteerIds.includes(volunteerId)) &&
      !offeredIds.has(d.id),
  );

  return (
    <>
      <h1 className="h5-page-title">{t('offers.title')}</h1>
      {me.isPending && <Loading />}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && !user && (
        <p className="h5-notice">
          {t('offers.signIn')} <Link to="/login?next=/offers">{t('h5.home.signIn')}</Link>
        </p>
      )}
      {user && (!isVolunteer(user) || !volunteerId) && <p className="h5-notice">{t('offers.notVolunteer')}</p>}
      {enabled && (
        <>
          <Section title={t('offers.tasks')}>
            {(accepted.isPending || inService.isPending) && <Loading />}
            {accepted.isError && <ErrorNotice error={accepted.error} onRetry={() => void accepted.refetch()} />}
            {inService.isError && <ErrorNotice error={inService.error} onRetry={() => void inService.refetch()} />}
            {accepted.isSuccess && inService.isSuccess && tasks.length === 0 && <p className="h5-muted">{t('offers.noTasks')}</p>}
            {tasks.length > 0 && <DemandLinkList items={tasks} basePath="/tasks" />}
          </Section>
          <Section title={t('offers.offered')}>
            {offers.isPending && <Loading />}
            {offers.isError && <ErrorNotice error={offers.error} onRetry={() => void offers.refetch()} />}
            {offers.isSuccess && offered.length === 0 && <p className="h5-muted">{t('offers.noOffers')}</p>}
            {offered.length > 0 && <OfferList offers={offered} />}
          </Section>
          {others.length > 0 && (
            <Section title={t('offers.teamOpen')}>
              <p className="h5-muted">{t('offers.teamOpenHint')}</p>
              <DemandLinkList items={others} basePath="/tasks" />
            </Section>
          )}
        </>
      )}
    </>
  );
}

/** The offers made to me, each with what is asked, when, and how many places are left; opens the task page. */
function OfferList({ offers }: { offers: MyDemandOffer[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const menu = useServiceItemMap();
  return (
    <ul className="link-list">
      {offers.map((offer) => {
        const d = offer.demand;
        const when =
          d.preferredStart || d.preferredEnd
            ? [d.preferredStart, d.preferredEnd].map((v) => (v ? formatDateTime(v, language) : '…')).join(' – ')
            : t('orders.time.any');
        return (
          <li key={offer.id}>
            <Link to={`/tasks/${encodeURIComponent(d.id)}`}>
              <span className="link-list__main">
                <span className="link-list__title">
                  <ServiceItemName item={menu.get(d.serviceItemId)} fallbackId={d.serviceItemId} />
                </span>
                <span className="demand-row__line">
                  {d.urgency === 'urgent' && <span className="demand-row__urgent">{t('orders.urgency.urgent')}</span>}
                  <span>{when}</span>
                </span>
                <span className="link-list__meta" lang={scriptLang(d.description)}>
                  {d.description}
                </span>
                {d.volunteersNeeded > 1 && (
                  <span className="link-list__meta">
                    {t('orders.fields.volunteersOf', { count: d.acceptedCount, needed: d.volunteersNeeded })}
                  </span>
                )}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
