import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ padding: 24 }}>
      <Spin /> <span>{t('common.loading')}</span>
    </div>
  );
}

/** The problem the server sent (title and detail), e.g. the 403 of /residents for a team leader. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const title = isApiError(error) && error.title && error.code !== 'network_error' ? error.title : t('errors.title');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={errorMessage(error, t)}
      action={
        onRetry && !(isApiError(error) && error.status === 403) ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
