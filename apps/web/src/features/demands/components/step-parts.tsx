import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Demand } from '@duodi/contracts';
import { errorMessage } from '../../../lib/error-message';
import { TextAreaField } from '../../../h5/components/form-field';
import { useDemandStep, type DemandStep } from '../api/demands';
import { useIdempotencyKey } from '../use-idempotency';

/** One step of a demand (accept, start, cancel …), sent with an idempotency key kept for the same version and body. */
export function useStep(demand: { id: string; version: number }) {
  const step = useDemandStep(demand.id);
  const keyFor = useIdempotencyKey();
  return {
    mutation: step,
    send: (body: DemandStep, onDone?: (next: Demand) => void) =>
      step.mutate({ step: body, key: keyFor({ id: demand.id, version: demand.version, body }) }, { onSuccess: onDone }),
  };
}

/** What the server answered to a step, in words (nothing while there is no error). */
export function StepError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="h5-error">
      {errorMessage(error, t)}
    </p>
  );
}

/**
 * A reason, then confirm or go back (取消订单, 婉拒). With `requiredText` the reason must be given (that text is
 * the error when it is not); without it the reason is optional. The page keeps the reason (it stays when the
 * person goes back and opens the form again); `onSubmit` gets it trimmed ('' for none).
 */
export function ReasonForm({
  title,
  label,
  hint,
  reason,
  onReasonChange,
  requiredText,
  confirmText,
  backText,
  actionsClassName,
  pending,
  error,
  onSubmit,
  onBack,
}: {
  title: string;
  label: string;
  hint: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  requiredText?: string;
  confirmText: string;
  backText: string;
  actionsClassName: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (requiredText && !reason.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <TextAreaField
        label={label}
        optional={requiredText ? undefined : t('common.optional')}
        hint={hint}
        rows={3}
        maxLength={500}
        value={reason}
        error={requiredText && missing && !reason.trim() ? requiredText : undefined}
        onChange={(event) => onReasonChange(event.target.value)}
      />
      <StepError error={error} />
      <div className={actionsClassName}>
        <Button block size="large" color="danger" type="submit" loading={pending}>
          {confirmText}
        </Button>
        <Button block size="large" onClick={onBack}>
          {backText}
        </Button>
      </div>
    </form>
  );
}
