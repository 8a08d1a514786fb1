import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeam } from '../../features/organization/api/get-teams';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName, localText } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Localized } from '../components/localized';
import { JoinTeamSection } from '../components/join-team';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

/** A team's brand page (一村一品牌): slogan and story in the UI language, else in Chinese. */
export default function TeamPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id } = useParams();
  const team = useTeam(id);
  const communities = useCommunities();
  const name = team.data ? localName(team.data, language) : undefined;
  useDocumentTitle(name?.text, t('app.name'));

  if (team.isPending) return <Loading />;
  if (team.isError) return <ErrorNotice error={team.error} onRetry={() => void team.refetch()} />;
  const d = team.data;
  const slogan = localText(d.slogan, d.sloganBo, language);
  const story = localText(d.story, d.storyBo, language);
  const community = communities.data?.items.find((c) => c.id === d.communityId);
  const communityName = community ? localName(community, language) : d.communityName ? { text: d.communityName, lang: 'zh-CN' as const } : null;

  return (
    <>
      {name && <Localized as="h1" className="h5-page-title" value={name} />}
      {d.logoUrl && <img className="brand-logo" src={d.logoUrl} alt={t('h5.team.logo', { name: name?.text ?? d.name })} />}
      {slogan && <Localized as="p" className="brand-slogan" value={slogan} />}
      <JoinTeamSection teamId={d.id} teamName={name?.text ?? d.name} />
      {story && (
        <Section title={t('h5.team.brand')}>
          <Localized as="p" value={story} />
        </Section>
      )}
      <Section title={t('h5.team.info')}>
        <dl className="fact-list">
          {communityName && d.communityId && (
            <div>
              <dt>{t('fields.community')}</dt>
              <dd>
                <Link to={`/communities/${d.communityId}`} lang={langAttr(communityName, language)}>
                  {communityName.text}
                </Link>
              </dd>
            </div>
          )}
          {d.leaderName && (
            <div>
              <dt>{t('fields.leader')}</dt>
              <dd>{d.leaderName}</dd>
            </div>
          )}
          <div>
            <dt>{t('fields.members')}</dt>
            <dd>{d.memberCount}</dd>
          </div>
          {d.foundedOn && (
            <div>
              <dt>{t('fields.foundedOn')}</dt>
              <dd>{formatDate(d.foundedOn, language)}</dd>
            </div>
          )}
          {d.domains.length > 0 && (
            <div>
              <dt>{t('fields.domains')}</dt>
              <dd>
                <ul className="tag-row">
                  {d.domains.map((domain) => (
                    <li key={domain}>{t(`domains.${domain}`)}</li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </Section>
    </>
  );
}
