import { useState } from 'react';
import { Alert, Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRecord, ServiceRecordStatus } from '@duodi/contracts';
import { SERVICE_RECORD_SOURCES as SOURCES, SERVICE_RECORD_STATUSES } from '../../features/hours/values';
import { itemsOf, useBulkVerify, useDecideRecord, useRecordQueue, type RecordQueueFilters } from '../../features/hours/api/hours';
import { hoursError } from '../../features/hours/model';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { ReasonModal } from '../components/reason-modal';
import { RejectRecordModal, ServiceRecordTable } from '../components/service-record-table';
import { StatusTag, type Tone } from '../components/status-tag';

const TONE: Record<ServiceRecordStatus, Tone> = { pending: 'warning', verified: 'success', rejected: 'danger' };

/**
 * 时长审核: the records of the caller's communities and led teams (谁记录谁证明) — verify one or many,
 * send one back with a reason the volunteer sees, or zero a verified one after a proven complaint.
 */
export default function VerificationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.verification.title'), t('app.consoleName'));
  const [status, setStatus] = useState<ServiceRecordStatus>('pending');
  const [source, setSource] = useState<RecordQueueFilters['source']>();
  const queue = useRecordQueue({ status, source });
  const decide = useDecideRecord();
  const bulk = useBulkVerify();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<ServiceRecord | null>(null);
  const [zeroing, setZeroing] = useState<ServiceRecord | null>(null);
  const rows = itemsOf(queue.data);
  const decidable = rows.filter((r) => r.status === 'pending' && r.canDecide).map((r) => r.id);

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.verification.title')}</h1>
      <p>{t('hours.console.verification.intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="hours-status-label">{t('hours.console.status')}</span>
        <Select<ServiceRecordStatus>
          aria-labelledby="hours-status-label"
          style={{ minWidth: 140 }}
          value={status}
          onChange={(value) => {
            setSelected([]);
            setStatus(value);
          }}
          options={SERVICE_RECORD_STATUSES.map((s) => ({ value: s, label: t(`hours.recordStatus.${s}`) }))}
        />
        <span id="hours-source-label">{t('hours.console.source')}</span>
        <Select<string>
          aria-labelledby="hours-source-label"
          style={{ minWidth: 140 }}
          value={source ?? ''}
          onChange={(value) => setSource(value ? (value as RecordQueueFilters['source']) : undefined)}
          options={[{ value: '', label: t('common.all') }, ...SOURCES.map((s) => ({ value: s, label: t(`hours.source.${s}`) }))]}
        />
        {status === 'pending' && (
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={bulk.isPending}
            onClick={() => bulk.mutate(selected, { onSuccess: () => setSelected([]) })}
          >
            {t('hours.console.verification.bulkVerify', { count: selected.length })}
          </Button>
        )}
      </Space>
      {queue.isError && <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {bulk.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={bulk.data.failed.length > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('hours.console.verification.bulkDone', { verified: bulk.data.verified, failed: bulk.data.failed.length })}
        />
      )}
      {decide.isError && !rejecting && !zeroing && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(decide.error, t)} />
      )}
      {decide.isSuccess && !rejecting && !zeroing && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(`hours.console.verification.done.${decide.data.status}`, { name: decide.data.volunteerName })}
        />
      )}
      <ServiceRecordTable
        queue={queue}
        scrollX={1100}
        rowSelection={
          status === 'pending'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String).filter((k) => decidable.includes(k))),
                getCheckboxProps: (r) => ({
                  disabled: !r.canDecide,
                  'aria-label': t('hours.console.verification.select', { name: r.volunteerName }),
                }),
              }
            : undefined
        }
        columns={[
          {
            title: t('hours.console.source'),
            key: 'source',
            render: (_, r) => (
              <>
                {t(`hours.source.${r.source}`)}
                {r.reason && <div>{t('hours.console.manualReason', { reason: r.reason })}</div>}
                {r.evidence.length > 0 && <div>{t('hours.console.evidence', { list: r.evidence.join('；') })}</div>}
              </>
            ),
          },
          {
            title: t('hours.console.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <StatusTag tone={TONE[r.status]}>{t(`hours.recordStatus.${r.status}`)}</StatusTag>
                {r.zeroed && <div>{t('hours.records.zeroed')}</div>}
                {r.decisionReason && <div>{t('hours.records.reason', { reason: r.decisionReason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) => {
              if (!r.canDecide) return r.status === 'pending' ? t('hours.console.verification.notYours') : null;
              if (r.status === 'pending')
                return (
                  <Space wrap>
                    <Button
                      type="primary"
                      size="small"
                      loading={decide.isPending && decide.variables?.id === r.id}
                      onClick={() => decide.mutate({ id: r.id, action: 'verify' })}
                    >
                      {t('hours.console.verification.verify', { name: r.volunteerName })}
                    </Button>
                    <Button
                      danger
                      size="small"
                      onClick={() => {
                        decide.reset();
                        setRejecting(r);
                      }}
                    >
                      {t('hours.console.verification.reject', { name: r.volunteerName })}
                    </Button>
                  </Space>
                );
              if (r.status === 'verified' && !r.zeroed)
                return (
                  <Button
                    danger
                    size="small"
                    onClick={() => {
                      decide.reset();
                      setZeroing(r);
                    }}
                  >
                    {t('hours.console.verification.zero', { name: r.volunteerName })}
                  </Button>
                );
              return null;
            },
          },
        ]}
      />
      <RejectRecordModal record={rejecting} decide={decide} onClose={() => setRejecting(null)} />
      <ReasonModal
        key={`zero-${zeroing?.id ?? ''}`}
        open={Boolean(zeroing)}
        title={t('hours.console.verification.zeroTitle', { name: zeroing?.volunteerName ?? '' })}
        label={t('hours.console.verification.zeroReason')}
        okText={t('hours.console.verification.zeroConfirm')}
        pending={decide.isPending}
        error={decide.error}
        maxLength={500}
        onSubmit={(reason) => zeroing && decide.mutate({ id: zeroing.id, action: 'zero', reason }, { onSuccess: () => setZeroing(null) })}
        onCancel={() => setZeroing(null)}
      />
    </>
  );
}
