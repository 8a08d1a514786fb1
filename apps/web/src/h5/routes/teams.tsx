import { useTranslation } from 'react-i18next';
import { useTeams } from '../../features/organization/api/get-teams';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { TeamLinks } from '../components/team-links';

export default function TeamsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('h5.teams.title'), t('app.name'));
  const teams = useTeams();
  return (
    <>
      <h1 className="h5-page-title">{t('h5.teams.title')}</h1>
      <div className="h5-section">
        {teams.isPending && <Loading />}
        {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
        {teams.isSuccess && <TeamLinks teams={teams.data.items} />}
      </div>
    </>
  );
}
