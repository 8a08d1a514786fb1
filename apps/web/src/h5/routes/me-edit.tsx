import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { LANGUAGES, SKILLS, type VolunteerProfile, type VolunteerUpdate } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useUpdateVolunteer, useVolunteer } from '../../features/volunteers/api/get-volunteer';
import { availabilityProblems } from '../../features/volunteers/registration';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AvailabilityEditor } from '../components/availability-editor';
import { ChipGroup } from '../components/chip-group';
import { TextField } from '../components/form-field';
import { GridPicker } from '../components/grid-picker';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

const PHONE = /^1[3-9]\d{9}$/;

/** A volunteer edits what PATCH /volunteers/{id} allows; the real name and ID stay as registered. */
export default function MeEditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('volunteer.edit.title'), t('app.name'));
  const me = useMe();
  const volunteer = useVolunteer(me.data?.volunteerId);

  if (me.isPending || (me.data?.volunteerId && volunteer.isPending)) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login?next=/me/edit" replace />;
  if (!me.data.volunteerId) return <Navigate to="/register" replace />;
  if (volunteer.isError) return <ErrorNotice error={volunteer.error} onRetry={() => void volunteer.refetch()} />;
  if (!volunteer.data) return <Loading />;
  return <EditForm profile={volunteer.data} />;
}

function EditForm({ profile }: { profile: VolunteerProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateVolunteer(profile.id);
  const [nameBo, setNameBo] = useState(profile.nameBo ?? '');
  const [phone, setPhone] = useState('');
  const [place, setPlace] = useState({ communityId: profile.communityId ?? '', gridId: profile.gridId ?? '' });
  const [skills, setSkills] = useState(profile.skills);
  const [languages, setLanguages] = useState(profile.languages);
  const [availability, setAvailability] = useState(profile.availability);
  const [errors, setErrors] = useState<{ phone?: string; gridId?: string; languages?: string; availability?: string }>({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (phone.trim() && !PHONE.test(phone.trim())) next.phone = t('volunteer.errors.phone');
    if (!place.gridId) next.gridId = t('volunteer.errors.required');
    if (languages.length === 0) next.languages = t('volunteer.errors.languagesRequired');
    if (availabilityProblems(availability).size > 0) next.availability = t('volunteer.errors.availability');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body: VolunteerUpdate = { skills, languages, availability };
    const trimmedBo = nameBo.trim();
    if (trimmedBo !== (profile.nameBo ?? '')) body.nameBo = trimmedBo || null;
    if (phone.trim()) body.phone = phone.trim();
    if (place.gridId !== profile.gridId) body.gridId = place.gridId;
    update.mutate(body, { onSuccess: () => navigate('/me', { replace: true }) });
  };

  const serverField = (field: string) =>
    isApiError(update.error) ? update.error.errors.find((e) => e.field.startsWith(field))?.message : undefined;

  return (
    <>
      <h1 className="h5-page-title">{t('volunteer.edit.title')}</h1>
      <p className="h5-muted">{t('volunteer.edit.intro', { name: profile.name })}</p>
      <form className="h5-form" onSubmit={handleSubmit} noValidate aria-label={t('volunteer.edit.title')}>
        <Section title={t('volunteer.form.identity')}>
          <TextField
            label={t('volunteer.form.nameBo')}
            optional={t('common.optional')}
            lang="bo"
            value={nameBo}
            maxLength={80}
            onChange={(e) => setNameBo(e.target.value)}
            error={serverField('nameBo')}
          />
          <TextField
            label={t('volunteer.edit.newPhone')}
            optional={t('common.optional')}
            hint={profile.phoneMasked ? t('volunteer.edit.currentPhone', { phone: profile.phoneMasked }) : undefined}
            type="tel"
            inputMode="numeric"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={errors.phone ?? serverField('phone')}
          />
          <GridPicker
            communityId={place.communityId}
            gridId={place.gridId}
            onChange={setPlace}
            gridError={errors.gridId ?? serverField('gridId')}
          />
        </Section>
        <Section title={t('volunteer.form.skillsAndLanguages')}>
          <ChipGroup
            legend={t('volunteer.form.skills')}
            options={SKILLS.map((s) => ({ value: s, label: t(`skills.${s}`) }))}
            value={skills}
            onChange={setSkills}
          />
          <ChipGroup
            legend={t('volunteer.form.languages')}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`spokenLanguages.${l}`) }))}
            value={languages}
            onChange={setLanguages}
            error={errors.languages ?? serverField('languages')}
          />
        </Section>
        <Section title={t('volunteer.form.availabilityTitle')}>
          <AvailabilityEditor value={availability} onChange={setAvailability} error={errors.availability ?? serverField('availability')} />
        </Section>
        {update.isError && (
          <p role="alert" className="h5-error">
            {errorMessage(update.error, t)}
          </p>
        )}
        <div className="h5-actions">
          <Button type="submit" color="primary" size="large" block loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Link className="h5-button-link h5-button-link--ghost" to="/me">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
