import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useGrids } from '../../features/organization/api/get-grids';
import { useTeams } from '../../features/organization/api/get-teams';
import { useResidents } from '../../features/residents/api/get-residents';
import { useVolunteer } from '../../features/volunteers/api/get-volunteer';
import { formatNumber, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, isStaff, isVolunteer } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import Button from 'antd-mobile/es/components/button';
import { ServiceEntries } from '../../features/demands/components/service-entries';
import { ActivityEntries } from '../components/activity-entries';
import { HoursEntries } from '../components/hours-entries';
import { CommunityLinks } from '../components/community-links';
import { ElderlySwitch } from '../components/elderly-switch';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import { StarLevel } from '../components/star-level';
import { StatGrid } from '../components/stat-grid';
import { TeamLinks } from '../components/team-links';

/** The H5 home: the same public facts for everyone, plus what the signed-in role needs first. */
export function HomePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  useDocumentTitle(t('h5.home.title'));
  const user = me.data ?? null;

  return (
    <>
      <h1 className="h5-page-title">{t('h5.home.title')}</h1>
      {user && (
        <p className="h5-muted">
          {t('h5.home.greeting', { name: localName({ name: user.name, nameBo: user.nameBo }, language).text })}
        </p>
      )}
      <div className="h5-section">
        <ElderlySwitch />
      </div>

      {me.isSuccess && !user && (
        <Section title={t('h5.home.signIn')}>
          <p className="h5-muted">{t('auth.signInPrompt')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/login">
              {t('h5.home.signIn')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </Section>
      )}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}

      {me.isSuccess && <ServiceEntries me={user} />}
      {user && (hasRole(user, 'resident') || hasRole(user, 'grid_worker')) && <MyGridSection me={user} />}
      {user && hasRole(user, 'grid_worker') && user.gridId && <GridResidentsSection gridId={user.gridId} />}
      {user && isVolunteer(user) && <MyServiceSection me={user} />}
      {me.isSuccess && <ActivityEntries me={user} />}
      {user && <HoursEntries me={user} />}
      {user && !user.volunteerId && !isStaff(user) && (
        <Section title={t('register.ctaTitle')}>
          <p className="h5-muted">{t('register.ctaBody')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </Section>
      )}
      {user && isStaff(user) && (
        <Section title={t('h5.home.consoleTitle')}>
          <p className="h5-muted">{t('h5.home.consoleHint')}</p>
          <div className="h5-actions">
            <a className="h5-button-link h5-button-link--ghost" href="/admin/">
              {t('h5.home.openConsole')}
            </a>
          </div>
        </Section>
      )}

      <Section title={t('h5.home.overview')}>
        <p className="h5-muted">{t('app.tagline')}</p>
        <StatGrid />
      </Section>
      <Section title={t('h5.home.communities')}>
        <CommunityLinks />
      </Section>
      <BrandsSection />
    </>
  );
}

function MyGridSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const grids = useGrids(me.communityId, { enabled: Boolean(me.gridId) });
  const grid = grids.data?.items.find((item) => item.id === me.gridId);

  return (
    <Section title={t('h5.home.myGrid')}>
      {!me.gridId && <p className="h5-muted">{t('h5.home.noGrid')}</p>}
      {grids.isPending && me.gridId && <Loading />}
      {grids.isError && <ErrorNotice error={grids.error} onRetry={() => void grids.refetch()} />}
      {grid && (
        <dl className="fact-list">
          <div>
            <dt>{t('fields.grid')}</dt>
            <dd>
              <Localized value={localName(grid, language)} />
            </dd>
          </div>
          <div>
            <dt>{t('h5.home.gridWorkerContact')}</dt>
            <dd>{grid.gridWorker ? `${grid.gridWorker.name} ${grid.gridWorker.phoneMasked}` : t('h5.community.noGridWorker')}</dd>
          </div>
          <div>
            <dt>{t('fields.partyBranch')}</dt>
            <dd lang="zh-CN">{grid.partyBranch}</dd>
          </div>
          <div>
            <dt>{t('fields.partyContact')}</dt>
            <dd>{grid.partyContactName}</dd>
          </div>
        </dl>
      )}
      {grid && (
        <p className="h5-muted">
          {t('h5.home.residentsCount', {
            households: formatNumber(grid.householdCount, language),
            residents: formatNumber(grid.residentCount, language),
          })}
        </p>
      )}
    </Section>
  );
}

function GridResidentsSection({ gridId }: { gridId: string }) {
  const { t } = useTranslation();
  const residents = useResidents({ gridId });
  const items = residents.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={t('h5.home.gridResidents')}>
      {residents.isPending && <Loading />}
      {residents.isError && <ErrorNotice error={residents.error} onRetry={() => void residents.refetch()} />}
      {residents.isSuccess && items.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
      {items.length > 0 && (
        <ul className="link-list">
          {items.map((resident) => (
            <li key={resident.id} className="info-row">
              <span className="link-list__main">
                <span className="link-list__title">
                  {resident.name}
                  {resident.age !== null ? ` · ${resident.age}` : ''}
                  {resident.gender ? ` · ${t(`gender.${resident.gender}`)}` : ''}
                </span>
                <span className="link-list__meta">
                  {[resident.phoneMasked, resident.address].filter(Boolean).join(' · ')}
                </span>
                {resident.focusTags.length > 0 && (
                  <ul className="tag-row" aria-label={t('fields.tags')}>
                    {resident.focusTags.map((tag) => (
                      <li key={tag}>{t(`focusTags.${tag}`)}</li>
                    ))}
                  </ul>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {residents.hasNextPage && (
        <Button block loading={residents.isFetchingNextPage} onClick={() => void residents.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Section>
  );
}

function MyServiceSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const volunteer = useVolunteer(me.volunteerId);
  const teams = useTeams();
  const myTeams = (teams.data?.items ?? []).filter((team) => me.teamIds.includes(team.id));

  return (
    <>
      <Section title={t('h5.home.myService')}>
        {volunteer.isPending && me.volunteerId && <Loading />}
        {volunteer.isError && <ErrorNotice error={volunteer.error} onRetry={() => void volunteer.refetch()} />}
        {volunteer.data && (
          <dl className="fact-list">
            <div>
              <dt>{t('fields.star')}</dt>
              <dd>
                <StarLevel star={volunteer.data.star} />
              </dd>
            </div>
            <div>
              <dt>{t('fields.hours')}</dt>
              <dd>{t('common.hours', { value: formatNumber(minutesToHours(volunteer.data.verifiedMinutes), language) })}</dd>
            </div>
            <div>
              <dt>{t('fields.volunteerNo')}</dt>
              <dd>{volunteer.data.volunteerNo}</dd>
            </div>
          </dl>
        )}
      </Section>
      <Section title={t('h5.home.myTeams')}>
        {teams.isPending && <Loading />}
        {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
        {teams.isSuccess && (myTeams.length > 0 ? <TeamLinks teams={myTeams} /> : <p className="h5-muted">{t('h5.home.noTeams')}</p>)}
      </Section>
    </>
  );
}

function BrandsSection() {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <Section title={t('h5.home.brands')}>
      {teams.isPending && <Loading />}
      {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isSuccess && (
        <>
          <TeamLinks teams={teams.data.items.slice(0, 6)} />
          {teams.data.items.length > 6 && (
            <div className="h5-actions">
              <Link className="h5-button-link h5-button-link--ghost" to="/teams">
                {t('common.viewAll')}
              </Link>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
