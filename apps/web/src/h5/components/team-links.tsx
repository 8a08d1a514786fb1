import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Team } from '@duodi/contracts';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { Localized } from './localized';

export function TeamLinks({ teams }: { teams: Team[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (teams.length === 0) return <p className="h5-muted">{t('common.empty')}</p>;
  return (
    <ul className="link-list">
      {teams.map((team) => (
        <li key={team.id}>
          <Link to={`/teams/${team.id}`}>
            <span className="link-list__main">
              <Localized className="link-list__title" value={localName(team, language)} />
              <span className="link-list__meta">
                {team.domains.map((domain) => t(`domains.${domain}`)).join(' · ')}
                {team.domains.length > 0 ? ' · ' : ''}
                {t('h5.teams.members', { count: team.memberCount })}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
