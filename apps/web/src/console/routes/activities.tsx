import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Segmented, Space, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useActivities, useTransitionActivity } from '../../features/activities/api/activities';
import { ActivityFormDrawer } from '../../features/activities/components/activity-form-drawer';
import { activityTitle, formatWindow } from '../../features/activities/format';
import { ACTIVITY_STATUSES, type Activity, type ActivityStatus } from '../../features/activities/types';
import { useTeams } from '../../features/organization/api/get-teams';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { ReasonModal } from '../components/reason-modal';
import { StatusTag, type Tone } from '../components/status-tag';

export const ACTIVITY_TONE: Record<ActivityStatus, Tone> = {
  draft: 'neutral',
  pending_review: 'warning',
  recruiting: 'info',
  in_progress: 'success',
  ended: 'neutral',
  archived: 'neutral',
  cancelled: 'danger',
};

/** 活动管理: the review queue (community and street admins) and every activity of the caller's scope. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.activities.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const navigate = useNavigate();
  const reviewer = hasRole(me, 'street_admin', 'community_admin');
  const organizer = hasRole(me, 'team_leader', 'community_admin');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <div className="console-title-row">
        <h1 className="console-page-title">{t('console.activities.title')}</h1>
        {organizer && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('console.activities.create')}
          </Button>
        )}
      </div>
      <Tabs
        defaultActiveKey={reviewer ? 'review' : 'all'}
        items={[
          ...(reviewer ? [{ key: 'review', label: t('console.activities.reviewQueue'), children: <ReviewQueue /> }] : []),
          { key: 'all', label: t('console.activities.all'), children: <AllActivities /> },
        ]}
      />
      <ActivityFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(activity) => {
          setCreating(false);
          navigate(`/activities/${activity.id}`);
        }}
      />
    </>
  );
}

function useColumns() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const teams = useTeams();
  const teamName = (id: string | null) => {
    const team = (teams.data?.items ?? []).find((item) => item.id === id);
    return team ? localName(team, language).text : '—';
  };
  return [
    {
      title: t('console.activities.columns.title'),
      key: 'title',
      render: (_: unknown, a: Activity) => {
        const title = activityTitle(a, language);
        return (
          <Link to={`/activities/${a.id}`} lang={langAttr(title, language)}>
            {title.text}
          </Link>
        );
      },
    },
    {
      title: t('activities.fields.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, a: Activity) => <StatusTag tone={ACTIVITY_TONE[a.status]}>{t(`activities.status.${a.status}`)}</StatusTag>,
    },
    { title: t('activities.fields.time'), key: 'time', render: (_: unknown, a: Activity) => formatWindow(a.startsAt, a.endsAt, language) },
    { title: t('activities.fields.team'), key: 'team', render: (_: unknown, a: Activity) => teamName(a.teamId) },
    {
      title: t('activities.fields.headcount'),
      key: 'places',
      render: (_: unknown, a: Activity) =>
        `${a.signedUp} / ${a.headcount}${a.waitlisted ? ` · ${t('activities.waitlistCount', { n: a.waitlisted })}` : ''}`,
    },
    {
      title: t('activities.fields.insurance'),
      key: 'insurance',
      render: (_: unknown, a: Activity) => (a.needsInsurance ? t('console.activities.insured') : '—'),
    },
  ];
}

function ReviewQueue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useActivities({ status: 'pending_review' });
  const transition = useTransitionActivity();
  const [rejecting, setRejecting] = useState<Activity | null>(null);
  const columns = useColumns();
  const rows = list.data?.items ?? [];
  return (
    <>
      <p>{t('console.activities.reviewIntro')}</p>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {transition.isError && !rejecting && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(transition.error, t)} />
      )}
      {transition.isSuccess && !rejecting && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t(transition.data.status === 'recruiting' ? 'console.activities.approved' : 'console.activities.rejected', {
            title: activityTitle(transition.data, language).text,
          })}
        />
      )}
      <Table<Activity>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('console.activities.nonePending') }}
        columns={[
          ...columns,
          {
            title: t('activities.fields.riskNotice'),
            key: 'risk',
            render: (_: unknown, a: Activity) => <span style={{ whiteSpace: 'pre-wrap' }}>{a.riskNotice}</span>,
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, a: Activity) => {
              const title = activityTitle(a, language).text;
              return (
                <Space>
                  <Button
                    type="primary"
                    loading={transition.isPending && transition.variables?.id === a.id && transition.variables.action === 'approve'}
                    onClick={() => transition.mutate({ id: a.id, action: 'approve' })}
                    aria-label={t('console.activities.approveNamed', { title })}
                  >
                    {t('console.activities.approve')}
                  </Button>
                  <Button danger onClick={() => setRejecting(a)} aria-label={t('console.activities.rejectNamed', { title })}>
                    {t('console.activities.reject')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      <ReasonModal
        key={rejecting?.id ?? 'none'}
        open={rejecting !== null}
        title={t('console.activities.rejectTitle')}
        label={t('console.activities.rejectReason')}
        okText={t('console.activities.reject')}
        pending={transition.isPending}
        error={transition.isError ? transition.error : undefined}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) =>
          rejecting && transition.mutate({ id: rejecting.id, action: 'reject', reason }, { onSuccess: () => setRejecting(null) })
        }
      />
    </>
  );
}

function AllActivities() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActivityStatus | 'all'>('all');
  const list = useActivities(status === 'all' ? {} : { status });
  const columns = useColumns();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="activity-status-label">{t('console.applications.show')}</span>
        <Segmented<ActivityStatus | 'all'>
          aria-labelledby="activity-status-label"
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all' as const, label: t('common.all') },
            ...ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activities.status.${s}`) })),
          ]}
        />
      </Space>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Activity>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={columns}
      />
    </>
  );
}
