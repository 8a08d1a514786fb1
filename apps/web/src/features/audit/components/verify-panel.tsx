import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useVerifyAuditLog } from '../api/audit-log';

/** 校验完整性: recomputes the audit chain and the ledger's chains and says whether anything was altered. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const verify = useVerifyAuditLog();
  const result = verify.data;
  return (
    <section aria-label={t('audit.verify.label')} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify.button')}
          </Button>{' '}
          <small>{t('audit.verify.hint')}</small>
        </div>
        {verify.isError && <Alert type="error" showIcon role="alert" title={errorMessage(verify.error, t)} />}
        {result && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            role={result.ok ? 'status' : 'alert'}
            title={
              result.ok
                ? t('audit.verify.ok', { checked: result.checked })
                : t('audit.verify.broken', { id: result.firstBrokenId ?? '', checked: result.checked })
            }
          />
        )}
        {result && (
          <Alert
            type={result.ledger.ok ? 'success' : 'error'}
            showIcon
            role={result.ledger.ok ? 'status' : 'alert'}
            title={
              result.ledger.ok
                ? t('audit.verify.ledgerOk', { accounts: result.ledger.accountsChecked, entries: result.ledger.entriesChecked })
                : t('audit.verify.ledgerBroken', {
                    broken: result.ledger.brokenAccounts,
                    account: result.ledger.firstBrokenAccount ?? '',
                    accounts: result.ledger.accountsChecked,
                  })
            }
          />
        )}
      </Space>
    </section>
  );
}
