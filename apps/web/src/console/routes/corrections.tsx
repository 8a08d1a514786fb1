import { useState } from 'react';
import { Alert, Button, Input, Modal, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Correction } from '@duodi/contracts';
import { CORRECTION_STATUSES } from '../../features/hours/values';
import { itemsOf, useCorrections, useResolveCorrection } from '../../features/hours/api/hours';
import { hoursError, hoursText } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { StatusTag, type Tone } from '../components/status-tag';

type Status = Correction['status'];
const TONE: Record<Status, Tone> = { pending: 'warning', accepted: 'success', applied: 'success', rejected: 'danger' };

/** 更正与申诉: volunteers' correction requests and appeals of a zeroing (DR-08), accepted or rejected with a reason. */
export default function CorrectionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('hours.console.corrections.title'), t('app.consoleName'));
  const [status, setStatus] = useState<Status>('pending');
  const list = useCorrections(status);
  const resolve = useResolveCorrection();
  const [deciding, setDeciding] = useState<{ item: Correction; decision: 'accept' | 'reject' } | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const rows = itemsOf(list.data);
  const tooShort = reason.trim().length < 2;

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.corrections.title')}</h1>
      <p>{t('hours.console.corrections.intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="hours-corr-status">{t('hours.console.status')}</span>
        <Select<Status>
          aria-labelledby="hours-corr-status"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={CORRECTION_STATUSES.map((s) => ({ value: s, label: t(`hours.correctionStatus.${s}`) }))}
        />
      </Space>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {resolve.isSuccess && !deciding && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(`hours.console.corrections.done.${resolve.data.status}`)}
        />
      )}
      <Table<Correction>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('hours.console.corrections.kind'),
            dataIndex: 'kind',
            render: (v: Correction['kind']) => t(`hours.correctionKind.${v}`),
          },
          { title: t('hours.console.corrections.record'), dataIndex: 'recordId' },
          {
            title: t('hours.console.corrections.change'),
            key: 'change',
            render: (_, c) =>
              t('hours.console.corrections.fromTo', {
                from: hoursText(c.oldMinutes),
                to: c.newMinutes !== null ? hoursText(c.newMinutes) : c.requestedMinutes !== null ? hoursText(c.requestedMinutes) : '—',
              }),
          },
          { title: t('hours.console.corrections.reason'), dataIndex: 'reason' },
          {
            title: t('hours.console.corrections.due'),
            key: 'due',
            render: (_, c) => (
              <>
                {c.dueAt ? formatDate(c.dueAt, language) : '—'}
                {c.overdue && (
                  <div>
                    <StatusTag tone="danger">{t('hours.console.corrections.overdue')}</StatusTag>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('hours.console.status'),
            key: 'status',
            render: (_, c) => (
              <>
                <StatusTag tone={TONE[c.status]}>{t(`hours.correctionStatus.${c.status}`)}</StatusTag>
                {c.resolutionReason && <div>{t('hours.records.reason', { reason: c.resolutionReason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, c) =>
              c.status === 'pending' && c.kind !== 'zeroing' ? (
                <Space wrap>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => {
                      resolve.reset();
                      setReason('');
                      setTouched(false);
                      setDeciding({ item: c, decision: 'accept' });
                    }}
                  >
                    {t('hours.console.corrections.accept', { id: c.recordId })}
                  </Button>
                  <Button
                    danger
                    size="small"
                    onClick={() => {
                      resolve.reset();
                      setReason('');
                      setTouched(false);
                      setDeciding({ item: c, decision: 'reject' });
                    }}
                  >
                    {t('hours.console.corrections.reject', { id: c.recordId })}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <Modal
        open={Boolean(deciding)}
        title={deciding ? t(`hours.console.corrections.${deciding.decision}Title`) : ''}
        okText={deciding ? t(`hours.console.corrections.${deciding.decision}Confirm`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: resolve.isPending, danger: deciding?.decision === 'reject' }}
        onCancel={() => setDeciding(null)}
        onOk={() => {
          setTouched(true);
          if (!deciding || tooShort) return;
          resolve.mutate(
            { id: deciding.item.id, decision: deciding.decision, reason: reason.trim() },
            { onSuccess: () => setDeciding(null) },
          );
        }}
        destroyOnHidden
      >
        <label htmlFor="hours-resolve-reason" className="console-label">
          {t('hours.console.corrections.resolveReason')}
        </label>
        <Input.TextArea id="hours-resolve-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        {touched && tooShort && <p className="console-error">{t('common.reasonRequired', { count: 2 })}</p>}
        {resolve.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={hoursError(resolve.error, t)} />}
      </Modal>
    </>
  );
}
