import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActivity, useTransitionActivity } from '../../features/activities/api/activities';
import { ActivityFormDrawer } from '../../features/activities/components/activity-form-drawer';
import { useMarkNoShow, useRoster } from '../../features/activities/api/check-in';
import { activityTitle, formatDateTime, formatWindow } from '../../features/activities/format';
import type { ActivityDetail, RosterEntry, Transition } from '../../features/activities/types';
import { errorMessage } from '../../lib/error-message';
import { formatNumber, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, scriptLang } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';
import { ReasonModal } from '../components/reason-modal';
import { StatusTag, type Tone } from '../components/status-tag';
import { ACTIVITY_TONE } from './activities';

/** Which actions a status offers, for the organizer (manage) and the reviewer (review). */
const ORGANIZER_ACTIONS: Partial<Record<ActivityDetail['status'], Transition[]>> = {
  draft: ['submit', 'cancel'],
  pending_review: ['cancel'],
  recruiting: ['start', 'cancel'],
  in_progress: ['end'],
  ended: ['archive'],
};
const REVIEWER_ACTIONS: Partial<Record<ActivityDetail['status'], Transition[]>> = {
  pending_review: ['approve', 'reject'],
  recruiting: ['cancel'],
};

const SIGNUP_TONE: Record<RosterEntry['status'], Tone> = {
  confirmed: 'success',
  waitlisted: 'warning',
  cancelled: 'neutral',
  no_show: 'danger',
};

/** One activity in the console: all §9 fields, the lifecycle actions the caller may take, and the roster. */
export default function ActivityDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const activity = useActivity(id, { refetchInterval: 15_000 });
  const title = activity.data ? activityTitle(activity.data, language) : null;
  useDocumentTitle(title?.text ?? t('console.activities.title'), t('app.consoleName'));
  const transition = useTransitionActivity();
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  // The activity as read when the drawer opened: its version is what the edit compares against.
  const [editing, setEditing] = useState<ActivityDetail | null>(null);
  const [edited, setEdited] = useState(false);

  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ProblemAlert error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  const actions = [
    ...new Set([...(a.canManage ? (ORGANIZER_ACTIONS[a.status] ?? []) : []), ...(a.canReview ? (REVIEWER_ACTIONS[a.status] ?? []) : [])]),
  ];
  const dash = '—';

  return (
    <>
      <p>
        <Link to="/activities">{t('console.activities.back')}</Link>
      </p>
      <h1 className="console-page-title" lang={langAttr(title!, language)}>
        {title!.text}
      </h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag tone={ACTIVITY_TONE[a.status]}>{t(`activities.status.${a.status}`)}</StatusTag>
        {a.canManage && (a.status === 'draft' || a.status === 'recruiting') && (
          <Button onClick={() => setEditing(a)}>{t('activityEdit.edit')}</Button>
        )}
        {actions.map((action) =>
          action === 'reject' || action === 'cancel' ? (
            <Button key={action} danger onClick={() => setAsking(action)}>
              {t(`console.activities.actions.${action}`)}
            </Button>
          ) : (
            <Button
              key={action}
              type={action === 'approve' || action === 'start' || action === 'submit' ? 'primary' : 'default'}
              loading={transition.isPending && transition.variables?.action === action}
              onClick={() => transition.mutate({ id: a.id, action })}
            >
              {t(`console.activities.actions.${action}`)}
            </Button>
          ),
        )}
      </Space>
      {edited && <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('activityEdit.saved')} />}
      {editing && (
        <ActivityFormDrawer
          open
          activity={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setEdited(true);
          }}
        />
      )}
      {transition.isError && !asking && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(transition.error, t)} />
      )}
      {a.rejectReason && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={t('console.activities.rejectedBecause', { reason: a.rejectReason })}
        />
      )}
      {a.cancelReason && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={t('console.activities.cancelledBecause', { reason: a.cancelReason })}
        />
      )}

      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('console.activities.form.titleZh')}>
          <span lang="zh-CN">{a.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.form.titleBo')}>
          <span lang="bo">{a.titleBo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.form.category')}>{t(`domains.${a.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.time')}>{formatWindow(a.startsAt, a.endsAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.place')}>
          {a.place.name} ({a.place.lat.toFixed(4)}, {a.place.lng.toFixed(4)}) ·{' '}
          {t('console.activities.radiusValue', { m: a.place.radiusM })}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.headcount')}>
          {`${a.signedUp} / ${a.headcount}`}
          {a.waitlisted ? ` · ${t('activities.waitlistCount', { n: a.waitlisted })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.insurance')}>
          {a.needsInsurance ? t('activities.insurance.required') : t('activities.insurance.notRequired')}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.signInMethods')}>
          {a.signInMethods.map((m) => t(`activities.methods.${m}`)).join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.form.targetGroups')}>
          {a.targetGroups.length ? a.targetGroups.map((g) => t(`focusTags.${g}`)).join('、') : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.eligibility')}>
          {[
            a.minAge !== null || a.maxAge !== null
              ? t('console.activities.ageRange', { min: a.minAge ?? dash, max: a.maxAge ?? dash })
              : null,
            a.minorsAllowed ? t('console.activities.minorsAllowed') : t('console.activities.adultsOnly'),
            a.skills.length ? a.skills.map((s) => t(`skills.${s}`)).join('、') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.form.maxMinutes')}>
          {formatNumber(a.maxCreditableMinutes, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.activities.form.recurrence')}>
          {a.recurrence
            ? `${t(`console.activities.form.recurrences.${a.recurrence}`)} · #${a.seriesIndex + 1}`
            : t('console.activities.form.recurrences.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.riskNotice')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }} lang={scriptLang(a.riskNotice)}>
            {a.riskNotice}
          </span>
        </Descriptions.Item>
        {a.description && (
          <Descriptions.Item label={t('console.activities.form.description')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }} lang={scriptLang(a.description)}>
              {a.description}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>

      {(a.canManage || a.canReview) && <RosterTable activity={a} />}

      <ReasonModal
        key={asking ?? 'none'}
        open={asking !== null}
        title={t(`console.activities.actions.${asking ?? 'cancel'}`)}
        label={t(asking === 'reject' ? 'console.activities.rejectReason' : 'console.activities.cancelReason')}
        okText={t(`console.activities.actions.${asking ?? 'cancel'}`)}
        pending={transition.isPending}
        error={transition.isError ? transition.error : undefined}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && transition.mutate({ id: a.id, action: asking, reason }, { onSuccess: () => setAsking(null) })}
      />
    </>
  );
}

function RosterTable({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const roster = useRoster(activity.id, { refetchInterval: activity.status === 'in_progress' ? 5_000 : undefined });
  const noShow = useMarkNoShow(activity.id);
  const time = (value: string | null) => (value ? formatDateTime(value, language) : '—');
  return (
    <>
      <h2>{t('activities.roster.title')}</h2>
      {roster.data && (
        <p role="status">
          {t('console.activities.rosterSummary', {
            confirmed: roster.data.confirmed,
            waitlisted: roster.data.waitlisted,
            checkedIn: roster.data.checkedIn,
            checkedOut: roster.data.checkedOut,
          })}
        </p>
      )}
      {roster.isError && <ProblemAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {noShow.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(noShow.error, t)} />}
      <Table<RosterEntry>
        rowKey="volunteerId"
        loading={roster.isPending}
        dataSource={roster.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', render: (name: string) => <span lang={scriptLang(name)}>{name}</span> },
          { title: t('fields.phone'), dataIndex: 'phoneMasked', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: t('activities.fields.status'),
            key: 'status',
            render: (_, r) => (
              <StatusTag tone={SIGNUP_TONE[r.status]}>
                {r.status === 'waitlisted'
                  ? t('activities.roster.state.waitlisted', { position: r.position ?? '—' })
                  : t(`activities.signupStatus.${r.status}`)}
              </StatusTag>
            ),
          },
          { title: t('console.activities.checkedInAt'), key: 'in', render: (_, r) => time(r.checkedInAt) },
          { title: t('console.activities.checkedOutAt'), key: 'out', render: (_, r) => time(r.checkedOutAt) },
          {
            title: t('console.activities.credited'),
            key: 'minutes',
            render: (_, r) =>
              r.creditedMinutes === null ? '—' : t('common.hours', { value: formatNumber(minutesToHours(r.creditedMinutes), language) }),
          },
          {
            title: t('console.activities.flags'),
            key: 'flags',
            render: (_, r) =>
              [
                r.autoClosed ? t('console.activities.autoClosed') : null,
                r.flagged ? t('activities.roster.flagged') : null,
                activity.needsInsurance && !r.insured ? t('console.activities.uninsured') : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) =>
              activity.canManage &&
              (activity.status === 'in_progress' || activity.status === 'ended') &&
              r.status === 'confirmed' &&
              !r.checkedInAt ? (
                <Button
                  size="small"
                  loading={noShow.isPending && noShow.variables === r.volunteerId}
                  onClick={() => noShow.mutate(r.volunteerId)}
                  aria-label={t('activities.roster.markNoShowFor', { name: r.name })}
                >
                  {t('activities.roster.markNoShow')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
