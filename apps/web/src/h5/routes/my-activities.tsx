import { useCallback } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../features/account/api/get-me';
import { useMyActivities } from '../../features/activities/api/activities';
import { useCheckQueue } from '../../features/activities/offline-queue';
import type { Activity } from '../../features/activities/types';
import { errorMessage } from '../../lib/error-message';
import { isVolunteer } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CheckQueueSection } from '../components/check-queue';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import { ActivityRow } from './activities';

/** 我的活动: what the volunteer signed up for, waitlist places, and check-ins still waiting for a connection. */
export default function MyActivitiesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('activities.mine.title'), t('app.name'));
  const me = useMe();
  const queryClient = useQueryClient();
  const volunteer = isVolunteer(me.data);
  const mine = useMyActivities({ enabled: volunteer });
  const describe = useCallback((error: unknown) => errorMessage(error, t), [t]);
  const onSent = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['my-activities'] }), [queryClient]);
  const queue = useCheckQueue(describe, { onSent });

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login?next=/me/activities" replace />;
  if (!volunteer) return <Navigate to="/register" replace />;

  const items = mine.data?.items ?? [];
  const current = items.filter((a) => ['recruiting', 'in_progress'].includes(a.status));
  const past = items.filter((a) => !['recruiting', 'in_progress'].includes(a.status));

  return (
    <>
      <h1 className="h5-page-title">{t('activities.mine.title')}</h1>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/check-in">
          {t('activities.scan.title')}
        </Link>
        <Link className="h5-button-link h5-button-link--ghost" to="/activities">
          {t('activities.mine.findMore')}
        </Link>
      </div>
      <CheckQueueSection
        queued={queue.queued.length}
        sending={queue.sending}
        outcomes={queue.outcomes}
        onRetry={() => void queue.flush()}
      />
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && (
        <>
          <Section title={t('activities.mine.current')}>
            {current.length === 0 ? <p className="h5-muted">{t('activities.mine.none')}</p> : <List items={current} />}
          </Section>
          {past.length > 0 && (
            <Section title={t('activities.mine.past')}>
              <List items={past} />
            </Section>
          )}
        </>
      )}
    </>
  );
}

function List({ items }: { items: Activity[] }) {
  const { t } = useTranslation();
  return (
    <ul className="link-list">
      {items.map((activity) => (
        <ActivityRow
          key={activity.id}
          activity={activity}
          extra={
            activity.mySignup ? (
              <span className="link-list__meta">
                {activity.mySignup.status === 'waitlisted'
                  ? t('activities.signup.waitlisted', { position: activity.mySignup.position ?? '—' })
                  : t(`activities.signupStatus.${activity.mySignup.status}`)}
              </span>
            ) : undefined
          }
        />
      ))}
    </ul>
  );
}
