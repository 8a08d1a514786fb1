import { useState } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartyReport, PartyReportStatus } from '@duodi/contracts';
import { PARTY_REPORT_STATUSES } from '../../lib/contract-values';
import { useDecidePartyReport, usePartyReports } from '../../features/party/api/party-reports';
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

const TONE: Record<PartyReportStatus, Tone> = {
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  superseded: 'neutral',
};

/** 云报到 to confirm (community admins for their community, street admins for the street). */
export default function PartyReportsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.partyReports.title'), t('app.consoleName'));
  const [status, setStatus] = useState<PartyReportStatus | 'all'>('pending');
  const reports = usePartyReports({ status: status === 'all' ? undefined : status });
  const decide = useDecidePartyReport();
  const [rejecting, setRejecting] = useState<PartyReport | null>(null);
  const rows = reports.data?.pages.flatMap((p) => p.items) ?? [];
  const nameOf = (r: PartyReport) => localName(r, language).text;

  return (
    <>
      <h1 className="console-page-title">{t('console.partyReports.title')}</h1>
      <p>{t('console.partyReports.intro')}</p>
      <StatusFilter<PartyReportStatus>
        id="party-status-label"
        statuses={PARTY_REPORT_STATUSES}
        labelOf={(s) => t(`partyReportStatus.${s}`)}
        value={status}
        onChange={setStatus}
      />
      {reports.isError && <ProblemAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      {decide.isError && !rejecting && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(decide.error, t)} />
      )}
      {decide.isSuccess && !rejecting && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(`console.partyReports.done.${decide.data.status === 'confirmed' ? 'confirmed' : 'rejected'}`, {
            name: nameOf(decide.data),
          })}
        />
      )}
      <Table<PartyReport>
        rowKey="id"
        loading={reports.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: status === 'pending' ? t('console.partyReports.nonePending') : t('common.empty') }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, r) => <LocalName item={r} /> },
          { title: t('fields.volunteerNo'), dataIndex: 'volunteerNo' },
          { title: t('party.community'), dataIndex: 'communityName' },
          { title: t('party.grid'), dataIndex: 'gridName' },
          { title: t('party.unit'), dataIndex: 'unitName' },
          {
            title: t('console.partyReports.channel'),
            dataIndex: 'channel',
            render: (c: PartyReport['channel']) => t(`console.partyReports.channels.${c}`),
          },
          { title: t('console.partyReports.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('volunteer.profile.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <StatusTag tone={TONE[r.status]}>{t(`partyReportStatus.${r.status}`)}</StatusTag>
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
                    loading={decide.isPending && decide.variables?.id === r.id && decide.variables.action === 'confirm'}
                    onClick={() => decide.mutate({ id: r.id, action: 'confirm' })}
                  >
                    {t('console.partyReports.confirm', { name: nameOf(r) })}
                  </Button>
                  <Button danger size="small" onClick={() => setRejecting(r)}>
                    {t('console.partyReports.reject', { name: nameOf(r) })}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {reports.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void reports.fetchNextPage()} loading={reports.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReasonModal
        key={rejecting?.id ?? 'closed'}
        open={Boolean(rejecting)}
        title={rejecting ? t('console.partyReports.rejectTitle', { name: nameOf(rejecting) }) : ''}
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
