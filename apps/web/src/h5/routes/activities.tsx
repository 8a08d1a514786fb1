import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useActivities } from '../../features/activities/api/activities';
import { activityTitle, formatWindow } from '../../features/activities/format';
import type { Activity } from '../../features/activities/types';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeams } from '../../features/organization/api/get-teams';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField } from '../components/form-field';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

/** 志愿活动: upcoming and running activities, filtered by community and team. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('activities.title'), t('app.name'));
  const [communityId, setCommunityId] = useState('');
  const [teamId, setTeamId] = useState('');
  const communities = useCommunities();
  const teams = useTeams(communityId || null);
  const [from] = useState(() => new Date(Date.now() - 12 * 3600_000).toISOString());
  const activities = useActivities({ communityId: communityId || undefined, teamId: teamId || undefined, from });
  const items = (activities.data?.items ?? [])
    .filter((a) => a.status === 'recruiting' || a.status === 'in_progress')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

  return (
    <>
      <h1 className="h5-page-title">{t('activities.title')}</h1>
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to="/me/activities">
          {t('activities.mine.title')}
        </Link>
        <Link className="h5-button-link h5-button-link--ghost" to="/check-in">
          {t('activities.scan.title')}
        </Link>
      </div>
      <Section title={t('activities.filters')}>
        <div className="h5-form">
          <SelectField
            label={t('fields.community')}
            value={communityId}
            onChange={(event) => {
              setCommunityId(event.target.value);
              setTeamId('');
            }}
          >
            <option value="">{t('activities.allCommunities')}</option>
            {(communities.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {localName(c, language).text}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('activities.fields.team')} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            <option value="">{t('activities.allTeams')}</option>
            {(teams.data?.items ?? []).map((team) => (
              <option key={team.id} value={team.id}>
                {localName(team, language).text}
              </option>
            ))}
          </SelectField>
        </div>
      </Section>
      <Section title={t('activities.upcoming')}>
        {activities.isPending && <Loading />}
        {activities.isError && <ErrorNotice error={activities.error} onRetry={() => void activities.refetch()} />}
        {activities.isSuccess && items.length === 0 && <p className="h5-muted">{t('activities.none')}</p>}
        {items.length > 0 && (
          <ul className="link-list">
            {items.map((activity) => (
              <ActivityRow key={activity.id} activity={activity} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export function ActivityRow({ activity, extra }: { activity: Activity; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li>
      <Link to={`/activities/${activity.id}`}>
        <span className="link-list__main">
          <Localized className="link-list__title" value={activityTitle(activity, language)} />
          <span className="link-list__meta">
            <span className={`status-badge status-badge--${activity.status}`}>{t(`activities.status.${activity.status}`)}</span> ·{' '}
            {formatWindow(activity.startsAt, activity.endsAt, language)}
          </span>
          <span className="link-list__meta">
            <span lang="zh-CN">{activity.place.name}</span> ·{' '}
            {t('activities.places', {
              signedUp: formatNumber(activity.signedUp, language),
              headcount: formatNumber(activity.headcount, language),
            })}
            {activity.waitlisted > 0 ? ` · ${t('activities.waitlistCount', { n: activity.waitlisted })}` : ''}
          </span>
          {extra}
        </span>
      </Link>
    </li>
  );
}
