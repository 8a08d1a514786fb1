import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Demand } from '@duodi/contracts';
import { TextAreaField } from '../../../h5/components/form-field';
import { useDemandStep, type DemandStep } from '../api/demands';
import { useIdempotencyKey } from '../use-idempotency';
import { ReasonForm, StepError, useStep } from './step-parts';

/** 接单 or 婉拒 an offer (DR-16: nobody is force-assigned); declining asks for an optional reason first. */
export function AnswerOffer({ demand, canDecline, onDeclined }: { demand: Demand; canDecline: boolean; onDeclined?: () => void }) {
  const { t } = useTranslation();
  const accept = useStep(demand);
  const decline = useDemandStep(demand.id);
  const keyFor = useIdempotencyKey();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');

  if (decline.isSuccess) {
    return (
      <p role="status" className="h5-success">
        {t('offers.declined')}
      </p>
    );
  }
  if (declining) {
    return (
      <ReasonForm
        title={t('offers.decline')}
        reason={reason}
        onReasonChange={setReason}
        label={t('offers.declineReason')}
        hint={t('offers.declineHint')}
        confirmText={t('offers.declineConfirm')}
        backText={t('offers.back')}
        actionsClassName="offer-actions"
        pending={decline.isPending}
        error={decline.error}
        onSubmit={(given) => {
          const body: DemandStep = { action: 'decline', ...(given ? { reason: given } : {}) };
          decline.mutate({ step: body, key: keyFor({ id: demand.id, body }) }, { onSuccess: () => onDeclined?.() });
        }}
        onBack={() => setDeclining(false)}
      />
    );
  }
  return (
    <div className="offer-actions">
      <StepError error={accept.mutation.error} />
      <Button block size="large" color="primary" loading={accept.mutation.isPending} onClick={() => accept.send({ action: 'accept' })}>
        {t('offers.accept')}
      </Button>
      {canDecline && (
        <Button block size="large" fill="outline" onClick={() => setDeclining(true)}>
          {t('offers.decline')}
        </Button>
      )}
    </div>
  );
}

/** 开始服务: one button, once the volunteer is at the door. */
export function StartService({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const { mutation, send } = useStep(demand);
  return (
    <div className="offer-actions">
      <p className="h5-muted">{t('offers.startHint')}</p>
      <StepError error={mutation.error} />
      <Button block size="large" color="primary" loading={mutation.isPending} onClick={() => send({ action: 'start' })}>
        {t('offers.start')}
      </Button>
    </div>
  );
}

const STEP_MINUTES = 10;
const MAX_MINUTES = 1440;

/** 完成服务: minutes (a stepper starting at the item's typical time) and what was done. */
export function CompleteService({ demand, typicalMinutes }: { demand: Demand; typicalMinutes: number }) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(String(Math.min(MAX_MINUTES, Math.max(1, typicalMinutes))));
  const [summary, setSummary] = useState('');
  const [tried, setTried] = useState(false);
  const { mutation, send } = useStep(demand);
  const value = Number(minutes);
  const minutesOk = Number.isInteger(value) && value >= 1 && value <= MAX_MINUTES;
  const summaryOk = summary.trim().length > 0;
  const bump = (delta: number) => setMinutes(String(Math.min(MAX_MINUTES, Math.max(1, (Number.isFinite(value) ? value : 0) + delta))));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!minutesOk || !summaryOk) return;
    send({ action: 'complete', minutes: value, summary: summary.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('offers.completeTitle')}>
      <div className="form-field">
        <label htmlFor={`${id}-minutes`} className="form-field__label">
          {t('offers.minutes')}
        </label>
        <div className="minutes-stepper">
          <button type="button" onClick={() => bump(-STEP_MINUTES)} aria-label={t('offers.minutesLess', { count: STEP_MINUTES })}>
            −
          </button>
          <input
            id={`${id}-minutes`}
            className="h5-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MINUTES}
            value={minutes}
            aria-invalid={tried && !minutesOk}
            aria-describedby={`${id}-minutes-hint`}
            onChange={(event) => setMinutes(event.target.value)}
          />
          <button type="button" onClick={() => bump(STEP_MINUTES)} aria-label={t('offers.minutesMore', { count: STEP_MINUTES })}>
            +
          </button>
        </div>
        <p id={`${id}-minutes-hint`} className="form-field__hint">
          {t('offers.minutesHint', { minutes: typicalMinutes })}
        </p>
        {tried && !minutesOk && <p className="h5-error">{t('offers.minutesInvalid', { max: MAX_MINUTES })}</p>}
      </div>
      <TextAreaField
        label={t('offers.summary')}
        hint={t('offers.summaryHint')}
        rows={4}
        maxLength={2000}
        value={summary}
        error={tried && !summaryOk ? t('offers.summaryRequired') : undefined}
        onChange={(event) => setSummary(event.target.value)}
      />
      <StepError error={mutation.error} />
      <Button block size="large" color="primary" type="submit" loading={mutation.isPending}>
        {t('offers.complete')}
      </Button>
    </form>
  );
}
