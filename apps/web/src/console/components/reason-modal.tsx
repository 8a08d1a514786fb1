import { useId, useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';

/**
 * Asks for the reason of a rejection (shown to the person refused). The reason is required;
 * `error` shows what the server answered, in words. Give it a `key` per subject, so each opening starts empty.
 */
export function ReasonModal({
  open,
  title,
  label,
  okText,
  pending,
  error,
  minLength = 2,
  maxLength = 200,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  pending: boolean;
  error?: unknown;
  minLength?: number;
  maxLength?: number;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < minLength;
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onOk={() => {
        setTouched(true);
        if (!tooShort) onSubmit(reason.trim());
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <label htmlFor={`${id}-reason`} className="console-label">
        {label}
      </label>
      <Input.TextArea
        id={`${id}-reason`}
        value={reason}
        maxLength={maxLength}
        showCount
        rows={3}
        status={touched && tooShort ? 'error' : undefined}
        aria-invalid={touched && tooShort}
        aria-describedby={touched && tooShort ? `${id}-error` : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {touched && tooShort && (
        <p id={`${id}-error`} className="console-error">
          {t('common.reasonRequired', { count: minLength })}
        </p>
      )}
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(error, t)} /> : null}
    </Modal>
  );
}
