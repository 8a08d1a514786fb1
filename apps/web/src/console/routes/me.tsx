import { Button, Descriptions, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useLogout } from '../../features/account/api/logout';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from '../components/language-switch';
import { Loading } from '../components/query-state';

export default function MePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.me.title'), t('app.consoleName'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout({ onSignedOut: () => navigate('/login', { replace: true }) });
  if (!me) return <Loading />;

  return (
    <>
      <h1 className="console-page-title">{t('console.me.title')}</h1>
      <Descriptions bordered column={1} size="small" style={{ maxWidth: 720 }}>
        <Descriptions.Item label={t('fields.name')}>{localName({ name: me.name, nameBo: me.nameBo }, language).text}</Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>{me.phoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('lang.label')}>
          <LanguageSwitch />
        </Descriptions.Item>
      </Descriptions>
      <h2 className="console-section-title">{t('fields.roles')}</h2>
      <Table<RoleAssignment>
        rowKey={(a) => `${a.role}:${a.scopeId}`}
        size="small"
        pagination={false}
        style={{ maxWidth: 720 }}
        dataSource={me.assignments}
        columns={[
          { title: t('fields.roles'), dataIndex: 'role', render: (role: RoleAssignment['role']) => t(`roles.${role}`) },
          { title: t('fields.scope'), key: 'scope', render: (_, a) => `${t(`scopes.${a.scopeType}`)} · ${a.scopeName}` },
        ]}
      />
      <div style={{ marginTop: 24, display: 'flex', gap: 12 }}>
        <Button danger onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('auth.signOut')}
        </Button>
        <Button href="/">{t('console.h5Link')}</Button>
      </div>
    </>
  );
}
