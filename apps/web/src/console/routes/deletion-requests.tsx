import { useState } from 'react';
import { Alert, Button, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeletionRequest } from '@duodi/contracts';
import { DELETION_STATUSES } from '../../lib/contract-values';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useCompleteDeletionRequest, useDeletionRequests, type DeletionStatus } from '../../features/volunteers/api/deletion-requests';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { StatusTag } from '../components/status-tag';
import { StatusFilter } from '../components/status-filter';

/** PIPL deletion requests: staff complete them; the person is pseudonymised, verified totals and the ledger stay. */
export default function DeletionRequestsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.deletion.title'), t('app.consoleName'));
  const [status, setStatus] = useState<DeletionStatus | 'all'>('pending');
  const requests = useDeletionRequests(status === 'all' ? undefined : status);
  const complete = useCompleteDeletionRequest();
  const communities = useCommunities();
  const [confirming, setConfirming] = useState<DeletionRequest | null>(null);
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
  const communityName = (id: string | null) => {
    const c = communities.data?.items.find((item) => item.id === id);
    return c ? localName(c, language).text : '';
  };

  return (
    <>
      <h1 className="console-page-title">{t('console.deletion.title')}</h1>
      <p>{t('console.deletion.intro')}</p>
      <StatusFilter<DeletionStatus>
        id="deletion-status-label"
        statuses={DELETION_STATUSES}
        labelOf={(s) => t(`console.deletion.status.${s}`)}
        value={status}
        onChange={setStatus}
      />
      {requests.isError && <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />}
      {complete.isSuccess && !confirming && (
        <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('console.deletion.done')} />
      )}
      <Table<DeletionRequest>
        rowKey="id"
        loading={requests.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: status === 'pending' ? t('console.deletion.nonePending') : t('common.empty') }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('fields.volunteerNo'), dataIndex: 'volunteerNo', render: (v: string | null) => v ?? t('common.none') },
          { title: t('fields.community'), dataIndex: 'communityId', render: (id: string | null) => communityName(id) },
          { title: t('console.deletion.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('volunteer.profile.status'),
            dataIndex: 'status',
            render: (s: DeletionStatus) => (
              <StatusTag tone={s === 'pending' ? 'warning' : 'success'}>{t(`console.deletion.status.${s}`)}</StatusTag>
            ),
          },
          {
            title: t('console.deletion.completedAt'),
            dataIndex: 'completedAt',
            render: (v: string | null) => (v ? formatDate(v, language) : ''),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Button danger size="small" onClick={() => setConfirming(r)}>
                  {t('console.deletion.complete', { name: r.name })}
                </Button>
              ) : null,
          },
        ]}
      />
      {requests.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <Modal
        open={Boolean(confirming)}
        title={confirming ? t('console.deletion.confirmTitle', { name: confirming.name }) : ''}
        okText={t('console.deletion.confirmOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: complete.isPending }}
        onOk={() => confirming && complete.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <p>{t('console.deletion.confirmBody')}</p>
        {complete.isError && <Alert type="error" showIcon role="alert" title={errorMessage(complete.error, t)} />}
      </Modal>
    </>
  );
}
