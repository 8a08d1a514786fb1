import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecoveryRequest, RecoveryStatus } from '@duodi/contracts';
import { RECOVERY_STATUSES } from '../../lib/contract-values';
import { useDecideRecoveryRequest, useRecoveryRequests } from '../../features/recovery/api/recovery';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { ReasonModal } from '../components/reason-modal';
import { StatusTag, type Tone } from '../components/status-tag';
import { LocalName } from '../components/local-name';
import { StatusFilter } from '../components/status-filter';

const TONE: Record<RecoveryStatus, Tone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  expired: 'neutral',
  superseded: 'neutral',
};

/**
 * 找回账号申请: street admins (the street) and community admins (persons of their community) approve a
 * request after checking the person's ID card in person, or reject it with a reason. Masks only.
 */
export default function RecoveryRequestsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.recovery.title'), t('app.consoleName'));
  const [status, setStatus] = useState<RecoveryStatus | 'all'>('pending');
  const requests = useRecoveryRequests(status === 'all' ? undefined : status);
  const decide = useDecideRecoveryRequest();
  const [approving, setApproving] = useState<RecoveryRequest | null>(null);
  const [checked, setChecked] = useState(false);
  const [rejecting, setRejecting] = useState<RecoveryRequest | null>(null);
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
  const nameOf = (r: RecoveryRequest) => localName(r, language).text;
  const open = Boolean(approving || rejecting);

  return (
    <>
      <h1 className="console-page-title">{t('console.recovery.title')}</h1>
      <p>{t('console.recovery.intro')}</p>
      <StatusFilter<RecoveryStatus>
        id="recovery-status-label"
        statuses={RECOVERY_STATUSES}
        labelOf={(s) => t(`console.recovery.status.${s}`)}
        value={status}
        onChange={setStatus}
      />
      {requests.isError && <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />}
      {decide.isError && !open && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(decide.error, t)} />
      )}
      {decide.isSuccess && !open && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(`console.recovery.done.${decide.data.status === 'approved' ? 'approved' : 'rejected'}`, { name: nameOf(decide.data) })}
        />
      )}
      <Table<RecoveryRequest>
        rowKey="id"
        loading={requests.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: status === 'pending' ? t('console.recovery.nonePending') : t('common.empty') }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, r) => <LocalName item={r} /> },
          {
            title: t('console.recovery.nameCheck'),
            dataIndex: 'nameMatches',
            render: (v: boolean) => (
              <StatusTag tone={v ? 'success' : 'danger'}>
                {v ? t('console.recovery.nameMatches') : t('console.recovery.nameDiffers')}
              </StatusTag>
            ),
          },
          {
            title: t('volunteer.form.idNumber'),
            key: 'id',
            width: 220,
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {t(`idTypes.${r.idType}`)} {r.idNumberMasked}
              </span>
            ),
          },
          {
            title: t('console.recovery.newPhone'),
            dataIndex: 'phoneMasked',
            width: 130,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          { title: t('fields.community'), dataIndex: 'communityName', render: (v: string | null) => v ?? '' },
          {
            title: t('console.recovery.account'),
            dataIndex: 'hasAccount',
            render: (v: boolean) => (v ? t('console.recovery.accountExisting') : t('console.recovery.accountNew')),
          },
          { title: t('console.recovery.requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('volunteer.profile.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <StatusTag tone={TONE[r.status]}>{t(`console.recovery.status.${r.status}`)}</StatusTag>
                {r.reason && <div>{t('applications.reason', { reason: r.reason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space wrap>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => {
                      decide.reset();
                      setChecked(false);
                      setApproving(r);
                    }}
                  >
                    {t('console.recovery.approve', { name: nameOf(r) })}
                  </Button>
                  <Button
                    danger
                    size="small"
                    onClick={() => {
                      decide.reset();
                      setRejecting(r);
                    }}
                  >
                    {t('console.recovery.reject', { name: nameOf(r) })}
                  </Button>
                </Space>
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
        open={Boolean(approving)}
        title={approving ? t('console.recovery.approveTitle', { name: nameOf(approving) }) : ''}
        okText={t('console.recovery.approveOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !checked, loading: decide.isPending }}
        onOk={() => approving && checked && decide.mutate({ id: approving.id, action: 'approve' }, { onSuccess: () => setApproving(null) })}
        onCancel={() => setApproving(null)}
        destroyOnHidden
      >
        <p>{t('console.recovery.approveBody')}</p>
        {approving && !approving.nameMatches && (
          <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('console.recovery.nameWarning')} />
        )}
        <Checkbox checked={checked} onChange={(event) => setChecked(event.target.checked)}>
          {t('console.recovery.idCardChecked')}
        </Checkbox>
        {approving && decide.isError ? (
          <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(decide.error, t)} />
        ) : null}
      </Modal>
      <ReasonModal
        key={rejecting?.id ?? 'closed'}
        open={Boolean(rejecting)}
        title={rejecting ? t('console.recovery.rejectTitle', { name: nameOf(rejecting) }) : ''}
        label={t('console.applications.reasonLabel')}
        okText={t('console.applications.rejectOk')}
        pending={decide.isPending}
        error={rejecting && decide.isError ? decide.error : undefined}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) =>
          rejecting && decide.mutate({ id: rejecting.id, action: 'reject', reason }, { onSuccess: () => setRejecting(null) })
        }
      />
    </>
  );
}
