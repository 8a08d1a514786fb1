import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCommunities } from '../../features/organization/api/get-communities';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { Localized } from './localized';
import { ErrorNotice, Loading } from './query-state';

export function CommunityLinks() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const communities = useCommunities();
  if (communities.isPending) return <Loading />;
  if (communities.isError) return <ErrorNotice error={communities.error} onRetry={() => void communities.refetch()} />;
  if (communities.data.items.length === 0) return <p className="h5-muted">{t('common.empty')}</p>;
  return (
    <ul className="link-list">
      {communities.data.items.map((community) => (
        <li key={community.id}>
          <Link to={`/communities/${community.id}`}>
            <span className="link-list__main">
              <Localized className="link-list__title" value={localName(community, language)} />
              <span className="link-list__meta">
                {t(`communityKinds.${community.kind}`)} · {t('fields.gridCount')} {community.gridCount} · {t('fields.volunteerCount')}{' '}
                {community.volunteerCount}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
