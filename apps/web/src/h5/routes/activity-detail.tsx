import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useActivity, useCancelSignUp, useSignUp } from '../../features/activities/api/activities';
import { activityTitle, formatWindow } from '../../features/activities/format';
import type { Activity } from '../../features/activities/types';
import { errorMessage } from '../../lib/error-message';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { scriptLang } from '../../lib/localize';
import { isVolunteer } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CheckField } from '../components/form-field';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/activities/activities-h5.css';

/** One activity: when, where, places, the risk notice to acknowledge, sign-up and cancel. */
export default function ActivityDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const activity = useActivity(id);
  const title = activity.data ? activityTitle(activity.data, language) : null;
  useDocumentTitle(title?.text ?? t('activities.title'), t('app.name'));

  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorNotice error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;

  return (
    <>
      <Localized as="h1" className="h5-page-title" value={title!} />
      {a.titleBo && language !== 'bo' && (
        <p lang="bo" className="h5-muted">
          {a.titleBo}
        </p>
      )}
      <Section title={t('activities.detail.facts')}>
        <dl className="fact-list">
          <div>
            <dt>{t('activities.fields.status')}</dt>
            <dd>
              <span className={`status-badge status-badge--${a.status}`}>{t(`activities.status.${a.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('activities.fields.time')}</dt>
            <dd>{formatWindow(a.startsAt, a.endsAt, language)}</dd>
          </div>
          <div>
            <dt>{t('activities.fields.place')}</dt>
            <dd lang="zh-CN">{a.place.name}</dd>
          </div>
          <div>
            <dt>{t('activities.fields.headcount')}</dt>
            <dd>
              {t('activities.places', { signedUp: formatNumber(a.signedUp, language), headcount: formatNumber(a.headcount, language) })}
              {a.waitlisted > 0 ? ` · ${t('activities.waitlistCount', { n: a.waitlisted })}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('activities.fields.insurance')}</dt>
            <dd>{a.needsInsurance ? t('activities.insurance.required') : t('activities.insurance.notRequired')}</dd>
          </div>
          <div>
            <dt>{t('activities.fields.signInMethods')}</dt>
            <dd>{a.signInMethods.map((m) => t(`activities.methods.${m}`)).join(' · ')}</dd>
          </div>
        </dl>
        {a.description && <p lang={scriptLang(a.description)}>{a.description}</p>}
      </Section>
      <SignUpSection activity={a} />
    </>
  );
}

function SignUpSection({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const me = useMe();
  const [acknowledged, setAcknowledged] = useState(false);
  const signUp = useSignUp(activity.id);
  const cancel = useCancelSignUp(activity.id);
  const mine = activity.mySignup && activity.mySignup.status !== 'cancelled' ? activity.mySignup : null;
  const result = signUp.data;
  const open = activity.status === 'recruiting' || activity.status === 'in_progress';

  return (
    <Section title={t('activities.signup.title')}>
      <div className="activity-risk" role="note" aria-label={t('activities.fields.riskNotice')}>
        <h3>{t('activities.fields.riskNotice')}</h3>
        <p lang={scriptLang(activity.riskNotice)}>{activity.riskNotice}</p>
        {activity.needsInsurance && <p>{t('activities.insurance.hint')}</p>}
      </div>

      {me.isSuccess && !me.data && (
        <div className="h5-actions">
          <Link className="h5-button-link" to={`/login?next=/activities/${activity.id}`}>
            {t('h5.home.signIn')}
          </Link>
        </div>
      )}
      {me.data && !isVolunteer(me.data) && <p className="h5-muted">{t('activities.signup.volunteersOnly')}</p>}

      {me.data && isVolunteer(me.data) && mine && (
        <>
          <p role="status" className="h5-success">
            {mine.status === 'waitlisted'
              ? t('activities.signup.waitlisted', { position: mine.position ?? '—' })
              : mine.status === 'no_show'
                ? t('activities.signup.noShow')
                : t('activities.signup.confirmed')}
          </p>
          <div className="h5-actions">
            {activity.status === 'in_progress' && (
              <Link className="h5-button-link" to={`/check-in?activity=${activity.id}`}>
                {t('activities.scan.title')}
              </Link>
            )}
            {activity.status === 'recruiting' && (
              <Button loading={cancel.isPending} onClick={() => cancel.mutate()}>
                {t('activities.signup.cancel')}
              </Button>
            )}
          </div>
          {cancel.isError && <p className="h5-error">{errorMessage(cancel.error, t)}</p>}
        </>
      )}

      {me.data && isVolunteer(me.data) && !mine && open && (
        <>
          <CheckField label={t('activities.signup.acknowledge')} checked={acknowledged} onChange={setAcknowledged} />
          <Button
            block
            color="primary"
            disabled={!acknowledged}
            loading={signUp.isPending}
            onClick={() => signUp.mutate()}
            aria-describedby={acknowledged ? undefined : 'activity-ack-hint'}
          >
            {activity.signedUp >= activity.headcount ? t('activities.signup.joinWaitlist') : t('activities.signup.submit')}
          </Button>
          {!acknowledged && (
            <p id="activity-ack-hint" className="h5-muted">
              {t('activities.signup.acknowledgeFirst')}
            </p>
          )}
          {result && (
            <p role="status" className="h5-success">
              {result.status === 'waitlisted'
                ? t('activities.signup.waitlisted', { position: result.position ?? '—' })
                : t('activities.signup.confirmed')}
            </p>
          )}
          {signUp.isError && (
            <p role="alert" className="h5-error">
              {errorMessage(signUp.error, t)}
            </p>
          )}
        </>
      )}
      {me.data && isVolunteer(me.data) && !mine && !open && <p className="h5-muted">{t('activities.signup.closed')}</p>}

      {me.data && activity.canManage && (
        <div className="h5-actions">
          <Link className="h5-button-link h5-button-link--ghost" to={`/activities/${activity.id}/organizer`}>
            {t('activities.organizer.title')}
          </Link>
        </div>
      )}
    </Section>
  );
}
