import { useTranslation } from 'react-i18next';
import { useTeams } from '../../features/organization/api/get-teams';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunityLinks } from '../components/community-links';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import { TeamLinks } from '../components/team-links';

export default function OrgPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('h5.org.title'), t('app.name'));
  const teams = useTeams();
  return (
    <>
      <h1 className="h5-page-title">{t('h5.org.title')}</h1>
      <Section title={t('h5.org.communities')}>
        <CommunityLinks />
      </Section>
      <Section title={t('h5.org.teams')}>
        {teams.isPending && <Loading />}
        {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
        {teams.isSuccess && <TeamLinks teams={teams.data.items} />}
      </Section>
    </>
  );
}
