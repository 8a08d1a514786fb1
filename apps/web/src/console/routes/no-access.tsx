import { Button, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/account/api/logout';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from '../components/language-switch';

/** For residents, volunteers and merchants who open /admin: say why, and lead them back to the H5. */
export function NoAccessPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.noAccess.title'), t('app.consoleName'));
  const navigate = useNavigate();
  const logout = useLogout({ onSignedOut: () => navigate('/login', { replace: true }) });
  return (
    <main className="console-centered">
      <Card style={{ maxWidth: 560 }}>
        <h1 className="console-page-title">{t('console.noAccess.title')}</h1>
        <p>{t('console.noAccess.body')}</p>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginTop: 16 }}>
          <Button type="primary" href="/" size="large">
            {t('console.noAccess.backToH5')}
          </Button>
          <Button size="large" onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('auth.signOut')}
          </Button>
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
