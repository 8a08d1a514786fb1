import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { IdType } from '@duodi/contracts';
import { ID_TYPES } from '../../lib/contract-values';
import { idFacts, idProblemKey } from '../../features/volunteers/registration';
import { useSubmitRecoveryRequest } from '../../features/recovery/api/recovery';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField, TextField } from '../components/form-field';
import { Section } from '../components/section';

const PHONE = /^1[3-9]\d{9}$/;
type Field = 'name' | 'idNumber' | 'phone' | 'password' | 'passwordAgain';

/**
 * 找回账号: someone whose ID number is already registered asks for the phone and password they want to
 * sign in with from now on. Nothing changes until a community staff member has checked their ID card
 * in person (no SMS or face check, DOMAIN.md §11.6). The answer is the same whether or not the ID is known.
 */
export default function RecoverPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('recover.title'), t('app.name'));
  const [name, setName] = useState('');
  const [idType, setIdType] = useState<IdType>('resident_id');
  const [idNumber, setIdNumber] = useState('');
  const [touchedId, setTouchedId] = useState(false);
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [passwordAgain, setPasswordAgain] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmitRecoveryRequest();

  const facts = useMemo(() => idFacts(idType, idNumber, ''), [idType, idNumber]);
  const problems: Partial<Record<Field, string>> = {};
  if (submitted) {
    if (!name.trim()) problems.name = t('volunteer.errors.required');
    const idKey = idProblemKey(facts, { submitted: true });
    if (!idNumber.trim()) problems.idNumber = t('volunteer.errors.required');
    else if (idKey) problems.idNumber = t(`volunteer.errors.${idKey}`);
    if (!PHONE.test(phone.trim())) problems.phone = t('auth.phoneInvalid');
    if (password.length < 8) problems.password = t('recover.passwordShort');
    if (passwordAgain !== password) problems.passwordAgain = t('recover.passwordMismatch');
  }
  const idLive = idType === 'resident_id' && (touchedId || idNumber.trim().length >= 18) ? idProblemKey(facts, { submitted }) : undefined;
  const message = (field: Field) => serverErrors[field] ?? problems[field];
  const idError = message('idNumber') ?? (idLive ? t(`volunteer.errors.${idLive}`) : undefined);
  const clear = () => setServerErrors({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const bad =
      !name.trim() ||
      !idNumber.trim() ||
      idProblemKey(facts, { submitted: true }) !== undefined ||
      !PHONE.test(phone.trim()) ||
      password.length < 8 ||
      passwordAgain !== password;
    if (bad) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    submit.mutate(
      { name: name.trim(), idType, idNumber: idNumber.trim().toUpperCase(), phone: phone.trim(), password },
      {
        onError: (error) => {
          if (!isApiError(error)) return;
          const next: Partial<Record<Field, string>> = {};
          for (const problem of error.errors) {
            const field = problem.field as Field;
            if (['name', 'idNumber', 'phone', 'password'].includes(field) && !next[field]) next[field] = problem.message;
          }
          setServerErrors(next);
        },
      },
    );
  };

  if (submit.isSuccess) {
    return (
      <>
        <h1 className="h5-page-title">{t('recover.title')}</h1>
        <section className="h5-section" role="status" aria-labelledby="recover-received-title">
          <h2 id="recover-received-title">{t('recover.receivedTitle')}</h2>
          <p>{t('recover.receivedBody')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/login">
              {t('recover.backToLogin')}
            </Link>
          </div>
        </section>
      </>
    );
  }

  return (
    <>
      <h1 className="h5-page-title">{t('recover.title')}</h1>
      <p className="h5-notice" role="note">
        {t('recover.intro')}
      </p>
      <form ref={formRef} className="h5-form" onSubmit={handleSubmit} noValidate aria-labelledby="recover-form-title">
        <h2 id="recover-form-title" className="visually-hidden">
          {t('recover.title')}
        </h2>
        <Section title={t('volunteer.form.identity')}>
          <TextField
            label={t('volunteer.form.realName')}
            hint={t('recover.nameHint')}
            autoComplete="name"
            maxLength={50}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              clear();
            }}
            error={message('name')}
          />
          <SelectField
            label={t('volunteer.form.idType')}
            value={idType}
            onChange={(event) => {
              setIdType(event.target.value as IdType);
              clear();
            }}
          >
            {ID_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`idTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('volunteer.form.idNumber')}
            hint={idType === 'resident_id' ? t('volunteer.form.idNumberHint') : t('volunteer.form.otherIdHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={idType === 'resident_id' ? 18 : 30}
            value={idNumber}
            onChange={(event) => {
              setIdNumber(event.target.value.replace(/\s+/g, ''));
              clear();
            }}
            onBlur={() => setTouchedId(true)}
            error={idError}
            note={idType === 'resident_id' && facts.problem === null ? t('recover.idValid') : undefined}
          />
        </Section>
        <Section title={t('recover.newSignIn')}>
          <TextField
            label={t('recover.newPhone')}
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            onChange={(event) => {
              setPhone(event.target.value);
              clear();
            }}
            error={message('phone')}
          />
          <TextField
            label={t('recover.newPassword')}
            hint={t('recover.passwordHint')}
            type="password"
            autoComplete="new-password"
            maxLength={128}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              clear();
            }}
            error={message('password')}
          />
          <TextField
            label={t('recover.passwordAgain')}
            type="password"
            autoComplete="new-password"
            maxLength={128}
            value={passwordAgain}
            onChange={(event) => setPasswordAgain(event.target.value)}
            error={message('passwordAgain')}
          />
        </Section>
        {submit.isError && (
          <p role="alert" className="h5-error">
            {errorMessage(submit.error, t)}
          </p>
        )}
        <Button type="submit" color="primary" size="large" block loading={submit.isPending} loadingText={t('recover.submitting')}>
          {t('recover.submit')}
        </Button>
      </form>
    </>
  );
}
