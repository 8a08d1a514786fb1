import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useLogout } from '../../features/account/api/logout';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { isStaff } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useVolunteer } from '../../features/volunteers/api/get-volunteer';
import { ElderlySwitch } from '../components/elderly-switch';
import { LanguageSwitch } from '../components/language-switch';
import { ErrorNotice, Loading } from '../components/query-state';
import { HoursEntries } from '../components/hours-entries';
import { MyDataSection } from '../components/my-data';
import { PartyReportSection } from '../components/party-report-form';
import { Section } from '../components/section';
import { VolunteerProfileSections } from '../components/volunteer-profile';

export default function MePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('h5.me.title'), t('app.name'));
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout({ onSignedOut: () => navigate('/', { replace: true }) });
  const user = me.data;
  const volunteer = useVolunteer(user?.volunteerId);

  return (
    <>
      <h1 className="h5-page-title">{t('h5.me.title')}</h1>
      {me.isPending && <Loading />}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && !user && (
        <Section title={t('h5.me.profile')}>
          <p className="h5-muted">{t('h5.me.notSignedIn')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/login?next=/me">
              {t('h5.home.signIn')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </Section>
      )}
      {user && (
        <Section title={t('h5.me.profile')}>
          <dl className="fact-list">
            <div>
              <dt>{t('fields.name')}</dt>
              <dd>{localName({ name: user.name, nameBo: user.nameBo }, language).text}</dd>
            </div>
            <div>
              <dt>{t('fields.phone')}</dt>
              <dd>{user.phoneMasked}</dd>
            </div>
            <div>
              <dt>{t('fields.roles')}</dt>
              <dd>
                <ul className="tag-row">
                  {user.assignments.map((assignment) => (
                    <li key={`${assignment.role}:${assignment.scopeId}`}>
                      {t(`roles.${assignment.role}`)} · {assignment.scopeName}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </Section>
      )}
      {user && !user.volunteerId && (
        <Section title={t('register.ctaTitle')}>
          <p className="h5-muted">{t('register.ctaBody')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </Section>
      )}
      {user?.volunteerId && volunteer.isPending && <Loading />}
      {user?.volunteerId && volunteer.isError && <ErrorNotice error={volunteer.error} onRetry={() => void volunteer.refetch()} />}
      {volunteer.data && (
        <>
          <VolunteerProfileSections profile={volunteer.data} />
          <PartyReportSection />
        </>
      )}
      {user && <HoursEntries me={user} />}
      {user && <MyDataSection />}
      <Section title={t('h5.me.settings')}>
        <h3>{t('lang.label')}</h3>
        <LanguageSwitch onLight />
        <h3>{t('elderly.label')}</h3>
        <ElderlySwitch />
      </Section>
      {user && (
        <div className="h5-actions">
          {isStaff(user) && (
            <a className="h5-button-link h5-button-link--ghost" href="/admin/">
              {t('h5.home.openConsole')}
            </a>
          )}
          <Button block size="large" color="danger" fill="outline" loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('auth.signOut')}
          </Button>
        </div>
      )}
    </>
  );
}
