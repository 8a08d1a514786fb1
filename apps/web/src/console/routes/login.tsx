import { Alert, Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { LoginBody } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useLogin } from '../../features/account/api/login';
import { applyPreferencesOf } from '../../features/account/hooks/use-preferences';
import { errorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from '../components/language-switch';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'), t('app.consoleName'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin({
    onSignedIn: (user) => {
      if (user) applyPreferencesOf(user, { elderly: false });
    },
  });

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  return (
    <main className="console-centered">
      <Card className="console-login-card">
        <h1 className="console-page-title">{t('app.consoleName')}</h1>
        <h2 className="console-section-title" style={{ marginTop: 0 }}>
          {t('auth.title')}
        </h2>
        <Form<LoginBody>
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values, { onSuccess: () => navigate(next, { replace: true }) })}
        >
          <Form.Item
            label={t('auth.phone')}
            name="phone"
            normalize={(value: string) => value.trim()}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('auth.phoneInvalid') }]}
          >
            <Input type="tel" inputMode="numeric" autoComplete="username" maxLength={11} size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          {login.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon role="alert" title={errorMessage(login.error, t)} />}
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 20, display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
          <LanguageSwitch />
          <a href="/">{t('console.h5Link')}</a>
        </div>
      </Card>
    </main>
  );
}
