import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { LANGUAGES, SKILLS, type IdType, type SpokenLanguage, type UiLang } from '@duodi/contracts';
import { ID_TYPES } from '../../lib/contract-values';
import { useRegisterVolunteer, type VolunteerRegistered } from '../../features/volunteers/api/register-volunteer';
import {
  buildRegistration,
  draftFieldOf,
  emptyDraft,
  idFacts,
  idProblemKey,
  validateDraft,
  type DraftField,
  type RegistrationDraft,
} from '../../features/volunteers/registration';
import { isApiError } from '../../lib/api-client';
import { isoWithOffset, todayIso } from '../../lib/datetime';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { AvailabilityEditor } from './availability-editor';
import { ChipGroup } from './chip-group';
import { CheckField, SelectField, TextField } from './form-field';
import { GridPicker } from './grid-picker';
import { Section } from './section';

/** The spoken language that matches the UI language, ticked to start with (one tap less). */
const SPOKEN_OF_UI: Record<UiLang, SpokenLanguage> = { 'zh-CN': 'zh', bo: 'bo', en: 'en' };

/**
 * The volunteer registration form of the H5 (the caller registers themselves): real name, ID with
 * inline GB 11643 feedback, contact and grid, skills and languages, weekly availability, a guardian
 * section for under-18s (DR-02) and the consents (DR-21).
 */
export function VolunteerForm({
  initial,
  onRegistered,
}: {
  initial: Partial<RegistrationDraft>;
  onRegistered: (result: VolunteerRegistered) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft({ languages: [SPOKEN_OF_UI[language]], ...initial }));
  const [touchedId, setTouchedId] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<DraftField, string>>>({});
  const guardianConsentAt = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const register = useRegisterVolunteer();

  const facts = useMemo(() => idFacts(draft.idType, draft.idNumber, draft.birthDate), [draft.idType, draft.idNumber, draft.birthDate]);
  const problems = submitted ? validateDraft(draft, facts) : {};
  const set = <K extends keyof RegistrationDraft>(key: K, value: RegistrationDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setServerErrors({});
  };
  const message = (field: DraftField): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const problem = problems[field];
    return problem ? t(`volunteer.errors.${problem}`) : undefined;
  };

  // Inline ID feedback: said as soon as 18 characters are typed (or the field is left), not at every key.
  const idLive =
    draft.idType === 'resident_id' && (touchedId || draft.idNumber.trim().length >= 18) ? idProblemKey(facts, { submitted }) : undefined;
  const idError =
    serverErrors.idNumber ??
    (problems.idNumber ? t(`volunteer.errors.${problems.idNumber}`) : idLive ? t(`volunteer.errors.${idLive}`) : undefined);
  const idNote =
    draft.idType === 'resident_id' && facts.problem === null && facts.birthDate
      ? t('volunteer.form.idRead', {
          birthDate: formatDate(facts.birthDate, language),
          gender: facts.gender ? t(`gender.${facts.gender}`) : '',
          age: facts.age ?? '',
        })
      : undefined;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const errors = validateDraft(draft, facts);
    if (Object.keys(errors).length > 0) {
      // Move to the first field that needs attention once React has marked it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body = buildRegistration(draft, facts, { guardianConsentAt: guardianConsentAt.current, forSelf: true });
    register.mutate(body, {
      onSuccess: onRegistered,
      onError: (error) => {
        if (!isApiError(error)) return;
        const next: Partial<Record<DraftField, string>> = {};
        for (const problem of error.errors) {
          const field = draftFieldOf(problem.field);
          if (field && !next[field]) next[field] = problem.message;
        }
        if (error.code === 'duplicate_id_number') next.idNumber = error.detail;
        if (error.code === 'guardian_consent_required') next.guardianConsent = error.detail;
        setServerErrors(next);
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      },
    });
  };

  const errorCount = Object.keys(problems).length;

  return (
    <form ref={formRef} className="h5-form" onSubmit={handleSubmit} noValidate aria-labelledby="volunteer-form-title">
      <h2 id="volunteer-form-title" className="visually-hidden">
        {t('volunteer.form.title')}
      </h2>
      <Section title={t('volunteer.form.identity')}>
        <TextField
          label={t('volunteer.form.realName')}
          hint={t('volunteer.form.realNameHint')}
          autoComplete="name"
          value={draft.name}
          maxLength={50}
          onChange={(event) => set('name', event.target.value)}
          error={message('name')}
        />
        <TextField
          label={t('volunteer.form.nameBo')}
          optional={t('common.optional')}
          lang="bo"
          value={draft.nameBo}
          maxLength={80}
          onChange={(event) => set('nameBo', event.target.value)}
          error={message('nameBo')}
        />
        <SelectField
          label={t('volunteer.form.idType')}
          value={draft.idType}
          onChange={(event) => set('idType', event.target.value as IdType)}
        >
          {ID_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`idTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('volunteer.form.idNumber')}
          hint={draft.idType === 'resident_id' ? t('volunteer.form.idNumberHint') : t('volunteer.form.otherIdHint')}
          inputMode={draft.idType === 'resident_id' ? 'text' : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={draft.idType === 'resident_id' ? 18 : 30}
          value={draft.idNumber}
          onChange={(event) => set('idNumber', event.target.value.replace(/\s+/g, ''))}
          onBlur={() => setTouchedId(true)}
          error={idError}
          note={idNote}
        />
        {serverErrors.idNumber && isDuplicate(register.error) && (
          <p className="h5-muted">
            {t('volunteer.form.duplicateHelp')} <Link to="/login?next=/me">{t('volunteer.form.signInInstead')}</Link>{' '}
            <Link to="/recover">{t('recover.title')}</Link>
          </p>
        )}
        {draft.idType !== 'resident_id' && (
          <>
            <TextField
              label={t('volunteer.form.birthDate')}
              type="date"
              max={todayIso()}
              value={draft.birthDate}
              onChange={(event) => set('birthDate', event.target.value)}
              error={message('birthDate')}
            />
            <SelectField
              label={t('volunteer.form.gender')}
              optional={t('common.optional')}
              value={draft.gender}
              onChange={(event) => set('gender', event.target.value as RegistrationDraft['gender'])}
            >
              <option value="">{t('common.notSaying')}</option>
              <option value="male">{t('gender.male')}</option>
              <option value="female">{t('gender.female')}</option>
            </SelectField>
          </>
        )}
      </Section>

      {facts.minor && (
        <Section title={t('volunteer.form.guardian')} className="guardian-section">
          <p className="h5-notice" role="note">
            {facts.underFourteen
              ? t('volunteer.form.guardianUnder14', { age: facts.age ?? '' })
              : t('volunteer.form.guardianIntro', { age: facts.age ?? '' })}
          </p>
          <TextField
            label={t('volunteer.form.guardianName')}
            value={draft.guardianName}
            maxLength={50}
            onChange={(event) => set('guardianName', event.target.value)}
            error={message('guardianName')}
          />
          <TextField
            label={t('volunteer.form.guardianPhone')}
            type="tel"
            inputMode="numeric"
            maxLength={11}
            value={draft.guardianPhone}
            onChange={(event) => set('guardianPhone', event.target.value.trim())}
            error={message('guardianPhone')}
          />
          <CheckField
            label={t('volunteer.form.guardianConsent')}
            checked={draft.guardianConsent}
            onChange={(checked) => {
              guardianConsentAt.current = checked ? isoWithOffset() : null;
              set('guardianConsent', checked);
            }}
            error={message('guardianConsent')}
          />
        </Section>
      )}

      <Section title={t('volunteer.form.contact')}>
        <TextField
          label={t('volunteer.form.phone')}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={draft.phone}
          onChange={(event) => set('phone', event.target.value.trim())}
          error={message('phone')}
        />
        <GridPicker
          communityId={draft.communityId}
          gridId={draft.gridId}
          onChange={(next) => {
            setDraft((current) => ({ ...current, ...next }));
            setServerErrors({});
          }}
          communityError={message('communityId')}
          gridError={message('gridId')}
        />
      </Section>

      <Section title={t('volunteer.form.skillsAndLanguages')}>
        <ChipGroup
          legend={t('volunteer.form.skills')}
          hint={t('volunteer.form.skillsHint')}
          options={SKILLS.map((skill) => ({ value: skill, label: t(`skills.${skill}`) }))}
          value={draft.skills}
          onChange={(skills) => set('skills', skills)}
        />
        <ChipGroup
          legend={t('volunteer.form.languages')}
          options={LANGUAGES.map((lang) => ({ value: lang, label: t(`spokenLanguages.${lang}`) }))}
          value={draft.languages}
          onChange={(languages) => set('languages', languages)}
          error={message('languages')}
        />
      </Section>

      <Section title={t('volunteer.form.availabilityTitle')}>
        <AvailabilityEditor
          value={draft.availability}
          onChange={(availability) => set('availability', availability)}
          error={message('availability')}
        />
      </Section>

      <Section title={t('volunteer.form.consents')}>
        <p className="h5-muted">
          {t('volunteer.form.consentsIntro')}{' '}
          <Link to="/privacy" target="_blank" rel="noopener">
            {t('volunteer.form.readPrivacy')}
          </Link>
        </p>
        <CheckField
          label={t('volunteer.form.consentPrivacy')}
          checked={draft.consents.privacy_policy}
          onChange={(checked) => set('consents', { ...draft.consents, privacy_policy: checked })}
          error={message('privacyConsent')}
        />
        <CheckField
          label={t('volunteer.form.consentSensitive')}
          checked={draft.consents.sensitive_data}
          onChange={(checked) => set('consents', { ...draft.consents, sensitive_data: checked })}
          error={message('sensitiveConsent')}
        />
        <CheckField
          label={t('volunteer.form.consentPublic')}
          checked={draft.consents.public_display}
          onChange={(checked) => set('consents', { ...draft.consents, public_display: checked })}
        />
      </Section>

      {submitted && errorCount > 0 && (
        <p role="alert" className="h5-error">
          {t('volunteer.form.fixErrors', { count: errorCount })}
        </p>
      )}
      {register.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(register.error, t)}
        </p>
      )}
      <Button type="submit" color="primary" size="large" block loading={register.isPending} loadingText={t('volunteer.form.submitting')}>
        {t('volunteer.form.submit')}
      </Button>
    </form>
  );
}

function isDuplicate(error: unknown): boolean {
  return isApiError(error) && error.code === 'duplicate_id_number';
}
