import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Demand, DemandChannel, DemandUrgency, Grid } from '@duodi/contracts';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { currentLanguage } from '../../../lib/i18n';
import { localName } from '../../../lib/localize';
import { SelectField, TextAreaField } from '../../../h5/components/form-field';
import { useCreateDemand, useGridResidents, useServiceItems, type DemandOrder } from '../api/demands';
import { STAFF_CHANNELS, availableTimeChoices, timeWindow, type TimeChoice } from '../model';
import { useIdempotencyKey } from '../use-idempotency';
import { ChoiceGroup } from './choice-group';
import { EmergencyGuidance } from './emergency';

export type StaffOrderDraft = {
  serviceItemId: string;
  gridId: string;
  urgency: DemandUrgency;
  beneficiaryId: string;
  description: string;
  channel: Exclude<DemandChannel, 'app'>;
};

/** Forms of address a chat message puts after a name (王奶奶, 卓玛阿姨, ཨ་ཡེ་…). */
const HONORIFICS = /(奶奶|爷爷|阿姨|大爷|大妈|大娘|叔叔|阿妈|阿爸|老人|老师|啦|ལགས|ཨ་ཡེ|ཨ་ཕོ|ཨ་མ)$/u;

/**
 * The resident a message names, to preselect (the worker still checks it): an exact name, else the
 * one resident whose name holds the hint without its form of address. Two or more candidates (many
 * people are called 卓玛): none.
 */
export function guessBeneficiary(hint: string | null, residents: readonly { id: string; name: string; nameBo: string | null }[]): string {
  const h = hint?.trim();
  if (!h) return '';
  const exact = residents.find((r) => r.name === h || r.nameBo === h);
  if (exact) return exact.id;
  const core = h.replace(HONORIFICS, '').trim();
  if (core.length < 2) return '';
  const found = residents.filter((r) => r.name.includes(core) || (r.nameBo?.includes(core) ?? false) || core.includes(r.name));
  return found.length === 1 ? (found[0]?.id ?? '') : '';
}

/**
 * The staff order (代办): item, grid, beneficiary, urgency, channel, time and the words of the
 * request, then POST /demands. Used for a confirmed chat draft and for ordering for a resident.
 */
export function StaffOrderForm({
  initial,
  grids,
  beneficiaryHint,
  lockBeneficiary = false,
  submitLabel,
  onPlaced,
}: {
  initial: StaffOrderDraft;
  grids: readonly Grid[];
  beneficiaryHint?: string | null;
  lockBeneficiary?: boolean;
  submitLabel: string;
  onPlaced?: (demand: Demand) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState(initial);
  const [timeChoices] = useState(() => availableTimeChoices());
  const [time, setTime] = useState<TimeChoice>('any');
  const [tried, setTried] = useState(false);
  const items = useServiceItems();
  const residents = useGridResidents(draft.gridId || undefined);
  const create = useCreateDemand();
  const keyFor = useIdempotencyKey();
  const [guessed, setGuessed] = useState(false);
  const residentList = residents.data?.items ?? [];
  if (!guessed && !lockBeneficiary && residents.isSuccess && !draft.beneficiaryId) {
    setGuessed(true);
    const guess = guessBeneficiary(beneficiaryHint ?? null, residentList);
    if (guess) setDraft((d) => ({ ...d, beneficiaryId: guess }));
  }
  const set = <K extends keyof StaffOrderDraft>(key: K, value: StaffOrderDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (create.isSuccess) {
    return (
      <div role="status">
        <p className="h5-success">{t('orders.staff.placed', { id: create.data.id })}</p>
        {create.data.feeFlag && <p className="h5-notice">{t('orders.feeFlag')}</p>}
        <Link to={`/orders/${encodeURIComponent(create.data.id)}`}>{t('orders.placed.view')}</Link>
      </div>
    );
  }

  const missing = {
    serviceItemId: !draft.serviceItemId,
    gridId: !draft.gridId,
    description: !draft.description.trim(),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing.serviceItemId || missing.gridId || missing.description) return;
    const body: DemandOrder = {
      serviceItemId: draft.serviceItemId,
      description: draft.description.trim(),
      gridId: draft.gridId,
      urgency: draft.urgency,
      channel: draft.channel,
      ...(draft.beneficiaryId ? { beneficiaryId: draft.beneficiaryId } : {}),
      ...(timeWindow(time) ?? {}),
    };
    create.mutate({ body, key: keyFor(body) }, { onSuccess: (demand) => onPlaced?.(demand) });
  };
  const emergency = isApiError(create.error) && create.error.code === 'emergency_not_volunteer_service' ? create.error : null;
  const fieldError = (field: string) =>
    isApiError(create.error) ? create.error.errors.find((e) => e.field === field)?.message : undefined;

  return (
    <form onSubmit={submit} noValidate className="h5-form">
      <SelectField
        label={t('orders.staff.item')}
        value={draft.serviceItemId}
        onChange={(event) => set('serviceItemId', event.target.value)}
        error={(tried && missing.serviceItemId ? t('orders.staff.itemRequired') : undefined) ?? fieldError('serviceItemId')}
      >
        <option value="">{t('common.choose')}</option>
        {(items.data?.items ?? []).map((item) => (
          <option key={item.id} value={item.id}>
            {t(`domains.${item.category}`)} · {localName(item, language).text}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('fields.grid')}
        value={draft.gridId}
        onChange={(event) => setDraft((d) => ({ ...d, gridId: event.target.value, beneficiaryId: '' }))}
        error={(tried && missing.gridId ? t('orders.staff.gridRequired') : undefined) ?? fieldError('gridId')}
      >
        <option value="">{t('common.choose')}</option>
        {grids.map((grid) => (
          <option key={grid.id} value={grid.id}>
            {localName(grid, language).text}
          </option>
        ))}
      </SelectField>
      {!lockBeneficiary && (
        <SelectField
          label={t('orders.fields.beneficiary')}
          optional={t('common.optional')}
          hint={beneficiaryHint ? t('orders.staff.beneficiaryHint', { hint: beneficiaryHint }) : undefined}
          value={draft.beneficiaryId}
          onChange={(event) => set('beneficiaryId', event.target.value)}
          error={fieldError('beneficiaryId')}
        >
          <option value="">{t('orders.staff.noBeneficiary')}</option>
          {residentList.map((r) => (
            <option key={r.id} value={r.id}>
              {[r.name, r.phoneMasked, r.address].filter(Boolean).join(' · ')}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t('orders.fields.description')}
        rows={4}
        maxLength={1000}
        value={draft.description}
        onChange={(event) => set('description', event.target.value)}
        error={(tried && missing.description ? t('orders.staff.descriptionRequired') : undefined) ?? fieldError('description')}
      />
      <ChoiceGroup
        legend={t('orders.staff.channel')}
        options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
        value={draft.channel}
        onChange={(c) => set('channel', c)}
      />
      <ChoiceGroup
        legend={t('orders.new.when')}
        options={timeChoices.map((choice) => ({ value: choice, label: t(`orders.time.${choice}`) }))}
        value={time}
        onChange={setTime}
      />
      <ChoiceGroup
        legend={t('orders.new.urgency')}
        options={(['normal', 'urgent'] as const).map((value) => ({ value, label: t(`orders.urgency.${value}`) }))}
        value={draft.urgency}
        onChange={(u) => set('urgency', u)}
      />
      {emergency && <EmergencyGuidance message={emergency.detail} />}
      {create.isError && !emergency && (
        <p role="alert" className="h5-error">
          {errorMessage(create.error, t)}
        </p>
      )}
      <Button block size="large" color="primary" type="submit" loading={create.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
