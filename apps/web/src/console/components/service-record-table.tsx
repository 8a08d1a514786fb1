import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Button, Table, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRecord } from '@duodi/contracts';
import { itemsOf, type useDecideRecord, type useRecordQueue } from '../../features/hours/api/hours';
import { hoursText } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { ReasonModal } from './reason-modal';

type RecordQueue = ReturnType<typeof useRecordQueue>;
type DecideRecord = ReturnType<typeof useDecideRecord>;

/**
 * A page of service records (时长审核, 补录): who, when, what and how long, then the page's own columns, and
 * "load more" while the queue has another page.
 */
export function ServiceRecordTable({
  queue,
  columns,
  scrollX,
  rowSelection,
}: {
  queue: RecordQueue;
  /** The columns after name, date, content and hours. */
  columns: TableColumnsType<ServiceRecord>;
  scrollX: number;
  rowSelection?: TableProps<ServiceRecord>['rowSelection'];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <Table<ServiceRecord>
        rowKey="id"
        loading={queue.isPending}
        dataSource={itemsOf(queue.data)}
        pagination={false}
        scroll={{ x: scrollX }}
        rowSelection={
          rowSelection && { columnTitle: (checkbox: ReactNode) => <MeasureSafeTitle>{checkbox}</MeasureSafeTitle>, ...rowSelection }
        }
        columns={[
          { title: t('fields.name'), dataIndex: 'volunteerName' },
          { title: t('hours.console.servedOn'), dataIndex: 'servedOn', render: (v: string) => formatDate(v, language) },
          { title: t('hours.console.content'), dataIndex: 'content' },
          { title: t('hours.console.hours'), dataIndex: 'minutes', render: (v: number) => t('hours.hoursValue', { value: hoursText(v) }) },
          ...columns,
        ]}
      />
      {queue.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}

/**
 * The selection column's title (the select-all checkbox). A scrolling antd Table also renders every column title in
 * its aria-hidden measure row, so the checkbox would be focusable inside aria-hidden (axe aria-hidden-focus, serious);
 * the copy in that row is made inert.
 */
function MeasureSafeTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el?.closest('tr[aria-hidden="true"]')) el.inert = true;
  });
  return <span ref={ref}>{children}</span>;
}

/** Sends a record back with the reason the volunteer sees; closes when the server has taken it. */
export function RejectRecordModal({
  record,
  decide,
  onClose,
}: {
  record: ServiceRecord | null;
  decide: DecideRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      key={`reject-${record?.id ?? ''}`}
      open={Boolean(record)}
      title={t('hours.console.verification.rejectTitle', { name: record?.volunteerName ?? '' })}
      label={t('hours.console.verification.rejectReason')}
      okText={t('hours.console.verification.rejectConfirm')}
      pending={decide.isPending}
      error={decide.error}
      maxLength={500}
      onSubmit={(reason) => record && decide.mutate({ id: record.id, action: 'reject', reason }, { onSuccess: onClose })}
      onCancel={onClose}
    />
  );
}
