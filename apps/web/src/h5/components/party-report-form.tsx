import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { PartyReport } from '@duodi/contracts';
import { useUnits } from '../../features/organization/api/get-units';
import { useCreatePartyReport, useMyPartyReports } from '../../features/party/api/party-reports';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { SelectField } from './form-field';
import { GridPicker } from './grid-picker';
import { Section } from './section';

/**
 * 云报到 (cloud report) for in-service party members (双报到, DR-18): the residence community and grid,
 * and the employer unit (a co-building unit). The community admin confirms it.
 */
export function PartyReportSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnits();
  const mine = useMyPartyReports();
  const create = useCreatePartyReport();
  const [place, setPlace] = useState({ communityId: '', gridId: '' });
  const [unitId, setUnitId] = useState('');
  const [errors, setErrors] = useState<{ communityId?: string; gridId?: string; unitId?: string }>({});
  const latest: PartyReport | undefined = mine.data?.items[0];

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!place.communityId) next.communityId = t('volunteer.errors.required');
    if (!place.gridId) next.gridId = t('volunteer.errors.required');
    if (!unitId) next.unitId = t('volunteer.errors.required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate({ communityId: place.communityId, gridId: place.gridId, unitId });
  };

  return (
    <Section title={t('party.title')}>
      <p className="h5-muted">{t('party.intro')}</p>
      {latest && (
        <p className={latest.status === 'rejected' ? 'h5-notice' : 'h5-success'} role="status">
          {t(`party.status.${latest.status}`, {
            community: latest.communityName,
            grid: latest.gridName,
            unit: latest.unitName,
            date: formatDate(latest.reportedAt, language),
          })}
          {latest.reason ? ` ${t('party.reason', { reason: latest.reason })}` : ''}
        </p>
      )}
      {create.isSuccess ? (
        <p role="status" className="h5-success">
          {t('party.submitted')}
        </p>
      ) : (
        <form className="h5-form" onSubmit={handleSubmit} noValidate aria-label={t('party.formLabel')}>
          <GridPicker
            communityId={place.communityId}
            gridId={place.gridId}
            onChange={setPlace}
            communityLabel={t('party.community')}
            gridLabel={t('party.grid')}
            communityError={errors.communityId}
            gridError={errors.gridId}
          />
          <SelectField label={t('party.unit')} value={unitId} onChange={(event) => setUnitId(event.target.value)} error={errors.unitId}>
            <option value="">{t('common.choose')}</option>
            {(units.data?.items ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {localName(unit, language).text}
              </option>
            ))}
          </SelectField>
          {create.isError && (
            <p role="alert" className="h5-error">
              {errorMessage(create.error, t)}
            </p>
          )}
          <Button type="submit" size="large" block color="primary" loading={create.isPending}>
            {t('party.submit')}
          </Button>
        </form>
      )}
    </Section>
  );
}
