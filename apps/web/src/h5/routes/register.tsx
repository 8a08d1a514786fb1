import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useRegisterAccount } from '../../features/account/api/register';
import type { VolunteerRegistered } from '../../features/volunteers/api/register-volunteer';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import { VolunteerForm } from '../components/volunteer-form';

const PHONE = /^1[3-9]\d{9}$/;
const MIN_PASSWORD = 8;

/**
 * "Register as a volunteer" (志愿者注册): step 1 creates a phone account (skipped when signed in),
 * step 2 is the volunteer form; the end shows the new volunteer number.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('register.title'), t('app.name'));
  const me = useMe();
  const [accountPhone, setAccountPhone] = useState('');
  const [registered, setRegistered] = useState<VolunteerRegistered | null>(null);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  const step = registered ? 3 : !user ? 1 : user.volunteerId ? 0 : 2;

  return (
    <>
      <h1 className="h5-page-title">{t('register.title')}</h1>
      {step > 0 && <Steps current={step} />}
      {step === 0 && user && (
        <Section title={t('register.alreadyTitle')}>
          <p>{t('register.already', { name: localName({ name: user.name, nameBo: user.nameBo }, currentLanguage()).text })}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/me">
              {t('register.toProfile')}
            </Link>
          </div>
        </Section>
      )}
      {step === 1 && <AccountStep onPhone={setAccountPhone} />}
      {step === 2 && user && <VolunteerForm initial={{ name: user.name, phone: accountPhone }} onRegistered={setRegistered} />}
      {step === 3 && registered && (
        <Section title={t('register.doneTitle')}>
          <p role="status" className="h5-success">
            {t('register.done', { volunteerNo: registered.volunteerNo })}
          </p>
          <p className="h5-muted">{t('register.doneNext')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/org">
              {t('register.findTeam')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/me">
              {t('register.toProfile')}
            </Link>
          </div>
        </Section>
      )}
    </>
  );
}

function Steps({ current }: { current: number }) {
  const { t } = useTranslation();
  const steps = [t('register.stepAccount'), t('register.stepVolunteer'), t('register.stepDone')];
  return (
    <ol className="h5-steps" aria-label={t('register.progress', { current, total: steps.length })}>
      {steps.map((label, index) => {
        const n = index + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li key={label} className={`h5-steps__item h5-steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="h5-steps__number" aria-hidden="true">
              {state === 'done' ? '✓' : n}
            </span>
            <span>{label}</span>
          </li>
        );
      })}
    </ol>
  );
}

function AccountStep({ onPhone }: { onPhone: (phone: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ name?: string; phone?: string; password?: string; confirm?: string }>({});
  const register = useRegisterAccount();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('volunteer.errors.required');
    if (!PHONE.test(phone.trim())) next.phone = t('auth.phoneInvalid');
    if (password.length < MIN_PASSWORD) next.password = t('register.passwordShort', { count: MIN_PASSWORD });
    if (confirm !== password) next.confirm = t('register.passwordMismatch');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    // Remembered before the call: the volunteer form (step 2) mounts as soon as the session exists.
    onPhone(phone.trim());
    register.mutate({ phone: phone.trim(), password, name: name.trim() });
  };

  const serverField = (field: string) =>
    isApiError(register.error) ? register.error.errors.find((e) => e.field === field)?.message : undefined;

  return (
    <form className="h5-section h5-form login-form" onSubmit={handleSubmit} noValidate aria-labelledby="account-step-title">
      <h2 id="account-step-title">{t('register.accountTitle')}</h2>
      <p className="h5-muted">{t('register.accountIntro')}</p>
      <TextField
        label={t('register.name')}
        autoComplete="name"
        value={name}
        maxLength={50}
        onChange={(e) => setName(e.target.value)}
        error={errors.name ?? serverField('name')}
      />
      <TextField
        label={t('auth.phone')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        maxLength={11}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.phone ?? serverField('phone')}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        hint={t('register.passwordHint', { count: MIN_PASSWORD })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password ?? serverField('password')}
      />
      <TextField
        label={t('register.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
      />
      {register.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(register.error, t)}
        </p>
      )}
      <Button type="submit" color="primary" size="large" block loading={register.isPending} loadingText={t('register.creating')}>
        {t('register.createAccount')}
      </Button>
      <p className="h5-muted">
        {t('register.haveAccount')} <Link to="/login?next=/register">{t('h5.home.signIn')}</Link>
      </p>
    </form>
  );
}
