import Button from 'antd-mobile/es/components/button';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="h5-muted">
      {t('common.loading')}
    </p>
  );
}

/** A failed call in words (never only in colour), with a retry button. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p className="h5-error">{errorMessage(error, t)}</p>
      {onRetry && (
        <Button size="middle" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
