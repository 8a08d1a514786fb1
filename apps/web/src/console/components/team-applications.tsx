import { useState } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamApplication, TeamApplicationStatus } from '@duodi/contracts';
import { TEAM_APPLICATION_STATUSES } from '../../lib/contract-values';
import { useDecideApplication, useTeamApplications } from '../../features/teams/api/applications';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { ProblemAlert } from './query-state';
import { ReasonModal } from './reason-modal';
import { StatusTag, type Tone } from './status-tag';
import { LocalName } from './local-name';
import { StatusFilter } from './status-filter';

const STATUS_TONE: Record<TeamApplicationStatus, Tone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

/** 入队申请: pending first; approve, or reject with a reason the volunteer will see. */
export function TeamApplicationsPanel({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<TeamApplicationStatus | 'all'>('pending');
  const applications = useTeamApplications(teamId, status === 'all' ? undefined : status);
  const decide = useDecideApplication();
  const [rejecting, setRejecting] = useState<TeamApplication | null>(null);
  const nameOf = (a: TeamApplication) => localName(a, language).text;

  return (
    <>
      <StatusFilter<TeamApplicationStatus>
        id="applications-status-label"
        statuses={TEAM_APPLICATION_STATUSES}
        labelOf={(s) => t(`applications.status.${s}`)}
        value={status}
        onChange={setStatus}
      />
      {applications.isError && <ProblemAlert error={applications.error} onRetry={() => void applications.refetch()} />}
      {decide.isError && !rejecting && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(decide.error, t)} />
      )}
      {decide.isSuccess && !rejecting && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(decide.data.status === 'approved' ? 'console.applications.approved' : 'console.applications.rejected', {
            name: nameOf(decide.data),
          })}
        />
      )}
      <Table<TeamApplication>
        rowKey="id"
        loading={applications.isPending}
        dataSource={applications.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: status === 'pending' ? t('console.applications.nonePending') : t('common.empty') }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, a) => <LocalName item={a} /> },
          { title: t('fields.volunteerNo'), dataIndex: 'volunteerNo' },
          {
            title: t('fields.skills'),
            key: 'skills',
            render: (_, a) => a.skills.map((s) => t(`skills.${s}`)).join('、') || t('common.none'),
          },
          {
            title: t('fields.star'),
            dataIndex: 'star',
            render: (star: number) => (star > 0 ? t('star.value', { count: star }) : t('star.none')),
          },
          { title: t('console.applications.message'), dataIndex: 'message', render: (m: string | null) => m ?? '' },
          { title: t('console.applications.appliedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('volunteer.profile.status'),
            key: 'status',
            render: (_, a) => (
              <>
                <StatusTag tone={STATUS_TONE[a.status]}>{t(`applications.status.${a.status}`)}</StatusTag>
                {a.reason && <div>{t('applications.reason', { reason: a.reason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, a) =>
              a.status === 'pending' ? (
                <Space wrap>
                  <Button
                    type="primary"
                    size="small"
                    loading={decide.isPending && decide.variables?.id === a.id && decide.variables.action === 'approve'}
                    onClick={() => decide.mutate({ id: a.id, action: 'approve' })}
                  >
                    {t('console.applications.approve', { name: nameOf(a) })}
                  </Button>
                  <Button danger size="small" onClick={() => setRejecting(a)}>
                    {t('console.applications.reject', { name: nameOf(a) })}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        key={rejecting?.id ?? 'closed'}
        open={Boolean(rejecting)}
        title={rejecting ? t('console.applications.rejectTitle', { name: nameOf(rejecting) }) : ''}
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
