import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useLogin } from '../../features/account/api/login';
import { applyPreferencesOf } from '../../features/account/hooks/use-preferences';
import { errorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';

const PHONE = /^1[3-9]\d{9}$/;

/** Only same-site paths, so that ?next= cannot send a user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'), t('app.name'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ phone?: string; password?: string }>({});
  const login = useLogin({
    onSignedIn: (user) => {
      if (user) applyPreferencesOf(user, { elderly: true });
    },
  });

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!PHONE.test(phone.trim())) errors.phone = t('auth.phoneInvalid');
    if (!password) errors.password = t('auth.passwordRequired');
    setFieldErrors(errors);
    if (errors.phone || errors.password) return;
    login.mutate({ phone: phone.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <>
      <h1 className="h5-page-title">{t('auth.title')}</h1>
      <form className="h5-section login-form" onSubmit={handleSubmit} noValidate>
        <div>
          <label htmlFor="login-phone">{t('auth.phone')}</label>
          <input
            className="h5-input"
            id="login-phone"
            name="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="username"
            maxLength={11}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-invalid={Boolean(fieldErrors.phone)}
            aria-describedby={fieldErrors.phone ? 'login-phone-error' : undefined}
          />
          {fieldErrors.phone && (
            <p id="login-phone-error" className="h5-error">
              {fieldErrors.phone}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            className="h5-input"
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={Boolean(fieldErrors.password)}
            aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
          />
          {fieldErrors.password && (
            <p id="login-password-error" className="h5-error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        {login.isError && (
          <p role="alert" className="h5-error">
            {errorMessage(login.error, t)}
          </p>
        )}
        <Button type="submit" color="primary" size="large" block loading={login.isPending} loadingText={t('auth.submitting')}>
          {t('auth.submit')}
        </Button>
        <p className="h5-muted">
          {t('recover.loginHint')} <Link to="/recover">{t('recover.title')}</Link>
        </p>
      </form>
      <section className="h5-section" aria-labelledby="register-cta-title">
        <h2 id="register-cta-title">{t('register.ctaTitle')}</h2>
        <p className="h5-muted">{t('register.ctaBody')}</p>
        <div className="h5-actions">
          <Link className="h5-button-link h5-button-link--ghost" to="/register">
            {t('register.cta')}
          </Link>
        </div>
      </section>
    </>
  );
}
