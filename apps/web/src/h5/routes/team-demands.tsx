import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DemandListItem } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useTeams } from '../../features/organization/api/get-teams';
import { useDemands } from '../../features/demands/api/demands';
import { ClaimDemand } from '../../features/demands/components/actions';
import { DemandLinkList } from '../../features/demands/components/demand-list';
import { ServiceItemName, useServiceItemMap } from '../../features/demands/components/service-item-name';
import { formatDateTime } from '../../features/demands/model';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { scopesOf } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/** 队伍接单 (team leader on the phone): claim published demands for the team; see what the team holds. */
export default function TeamDemandsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('orders.team.title'), t('app.name'));
  const me = useMe();
  const led = scopesOf(me.data, 'team_leader');
  const teams = useTeams();
  const menu = useServiceItemMap();
  const enabled = led.length > 0;
  const published = useDemands({ status: 'published' }, { enabled });
  const assigned = useDemands({ status: 'assigned' }, { enabled });
  const myTeams = (teams.data?.items ?? [])
    .filter((team) => led.includes(team.id))
    .map((team) => ({ id: team.id, name: localName(team, language).text }));
  const held = (assigned.data?.pages.flatMap((p) => p.items) ?? []).filter((d) => d.teamId !== null && led.includes(d.teamId));
  const open = published.data?.pages.flatMap((p) => p.items) ?? [];
  // A claimed demand moves from the published list to the team's; the confirmation stays on the page.
  const [claimed, setClaimed] = useState(false);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!enabled) return <p className="h5-notice">{t('orders.team.leadersOnly')}</p>;

  return (
    <>
      <h1 className="h5-page-title">{t('orders.team.title')}</h1>
      {claimed && (
        <p role="status" className="h5-success">
          {t('orders.team.claimed')}
        </p>
      )}
      <Section title={t('orders.team.published')}>
        {published.isPending && <Loading />}
        {published.isError && <ErrorNotice error={published.error} onRetry={() => void published.refetch()} />}
        {published.isSuccess && open.length === 0 && <p className="h5-muted">{t('orders.team.nonePublished')}</p>}
        {open.map((d: DemandListItem) => (
          <article key={d.id} className="team-demand" aria-labelledby={`team-demand-${d.id}`}>
            <h3 id={`team-demand-${d.id}`}>
              <Link to={`/orders/${encodeURIComponent(d.id)}`}>
                <ServiceItemName item={menu.get(d.serviceItemId)} fallbackId={d.serviceItemId} />
              </Link>
            </h3>
            <p className="h5-muted">
              {t('orders.orderedAt', { time: formatDateTime(d.createdAt, language) })}
              {d.urgency === 'urgent' ? ` · ${t('orders.urgency.urgent')}` : ''}
              {d.volunteersNeeded > 1 ? ` · ${t('orders.menu.people', { count: d.volunteersNeeded })}` : ''}
            </p>
            <p lang={scriptLang(d.description)}>{d.description}</p>
            <ClaimDemand demand={d} teams={myTeams} onClaimed={() => setClaimed(true)} />
          </article>
        ))}
      </Section>
      <Section title={t('orders.team.assigned')}>
        {assigned.isPending && <Loading />}
        {assigned.isError && <ErrorNotice error={assigned.error} onRetry={() => void assigned.refetch()} />}
        {assigned.isSuccess && held.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
        {held.length > 0 && <DemandLinkList items={held} basePath="/orders" />}
      </Section>
    </>
  );
}
