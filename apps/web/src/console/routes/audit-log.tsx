import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditFilters } from '../../features/audit/api/audit-log';
import { AuditFiltersBar } from '../../features/audit/components/audit-filters';
import { AuditTable } from '../../features/audit/components/audit-table';
import { VerifyPanel } from '../../features/audit/components/verify-panel';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';

/**
 * 审计日志 (DR-23), street admins only: who changed hours, points, coins, certificates, star levels and
 * roles, when, from what to what and why; and a check that nothing was altered afterwards.
 */
export default function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'), t('app.consoleName'));
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1 className="console-page-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <VerifyPanel />
      <AuditFiltersBar value={filters} onChange={setFilters} />
      {log.isError && <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />}
      <AuditTable rows={rows} loading={log.isPending} />
      {log.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
