import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../features/organization/api/get-communities';
import { useTeams } from '../../features/organization/api/get-teams';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

export default function CommunityPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id } = useParams();
  const community = useCommunity(id);
  const teams = useTeams(id);
  const name = community.data ? localName(community.data, language) : undefined;
  useDocumentTitle(name?.text, t('app.name'));

  if (community.isPending) return <Loading />;
  if (community.isError) return <ErrorNotice error={community.error} onRetry={() => void community.refetch()} />;
  const c = community.data;

  return (
    <>
      {name && <Localized as="h1" className="h5-page-title" value={name} />}
      <p className="h5-muted">
        {t(`communityKinds.${c.kind}`)} · {t('common.householdsCount', { count: c.householdCount })} ·{' '}
        {t('fields.volunteerCount')} {formatNumber(c.volunteerCount, language)}
      </p>
      <Section title={t('h5.community.station')}>
        <dl className="fact-list">
          <div>
            <dt>{t('fields.station')}</dt>
            <dd lang="zh-CN">{c.stationName}</dd>
          </div>
          <div>
            <dt>{t('fields.stationAddress')}</dt>
            <dd lang="zh-CN">{c.stationAddress}</dd>
          </div>
        </dl>
      </Section>
      <Section title={t('h5.community.serviceCenter')}>
        <p lang="zh-CN">{c.serviceCenterName}</p>
        <h3>{t('fields.rooms')}</h3>
        {c.serviceCenterRooms.length > 0 ? (
          <ul className="tag-row" lang="zh-CN">
            {c.serviceCenterRooms.map((room) => (
              <li key={room}>{room}</li>
            ))}
          </ul>
        ) : (
          <p className="h5-muted">{t('common.none')}</p>
        )}
      </Section>
      <Section title={t('h5.community.grids')}>
        {c.grids.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
        <ul className="link-list">
          {c.grids.map((grid) => (
            <li key={grid.id} className="info-row">
              <span className="link-list__main">
                <Localized className="link-list__title" value={localName(grid, language)} />
                <span className="link-list__meta">
                  {grid.gridWorker
                    ? t('h5.community.gridWorkerLine', { name: grid.gridWorker.name, phone: grid.gridWorker.phoneMasked })
                    : t('h5.community.noGridWorker')}
                </span>
                <span className="link-list__meta">
                  {t('common.householdsCount', { count: grid.householdCount })} · {t('common.people', { count: grid.residentCount })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('h5.community.teams')}>
        {c.teams.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
        <ul className="link-list">
          {c.teams.map((team) => {
            // The detail lists teams by Chinese name only; the team list has the Tibetan and English names.
            const full = teams.data?.items.find((item) => item.id === team.id);
            return (
              <li key={team.id}>
                <Link to={`/teams/${team.id}`}>
                  <Localized className="link-list__title" value={localName(full ?? team, language)} />
                </Link>
              </li>
            );
          })}
        </ul>
      </Section>
    </>
  );
}
