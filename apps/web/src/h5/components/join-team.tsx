import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useApplyToTeam, useMyApplications } from '../../features/teams/api/applications';
import { useLeaveTeam } from '../../features/teams/api/members';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { TextAreaField } from './form-field';
import { Section } from './section';

/** On a team's brand page: member / application pending / apply (with an optional note to the leader). */
export function JoinTeamSection({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const user = me.data;
  const isVolunteer = Boolean(user?.volunteerId);
  const applications = useMyApplications({ enabled: isVolunteer });
  const apply = useApplyToTeam();
  const leave = useLeaveTeam();
  const [message, setMessage] = useState('');
  const [confirmLeave, setConfirmLeave] = useState(false);

  if (me.isPending) return null;
  const pending = applications.data?.items.find((a) => a.teamId === teamId && a.status === 'pending');
  const member = Boolean(user?.teamIds.includes(teamId));

  return (
    <Section title={t('join.title')} className="join-team">
      {!user && (
        <>
          <p className="h5-muted">{t('join.signInFirst')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to={`/login?next=/teams/${teamId}`}>
              {t('h5.home.signIn')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </>
      )}
      {user && !isVolunteer && (
        <>
          <p className="h5-muted">{t('join.registerFirst')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/register">
              {t('register.cta')}
            </Link>
          </div>
        </>
      )}
      {user && isVolunteer && member && (
        <>
          <p role="status" className="h5-success">
            {t('join.member', { team: teamName })}
          </p>
          {leave.isSuccess ? null : confirmLeave ? (
            <div className="h5-confirm">
              <p className="h5-notice">{t('join.leaveConfirm', { team: teamName })}</p>
              <div className="h5-actions">
                <Button block size="large" color="danger" loading={leave.isPending} onClick={() => leave.mutate(teamId)}>
                  {t('join.leaveYes')}
                </Button>
                <Button block size="large" onClick={() => setConfirmLeave(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button block size="large" fill="outline" onClick={() => setConfirmLeave(true)}>
              {t('join.leave')}
            </Button>
          )}
          {leave.isError && (
            <p role="alert" className="h5-error">
              {errorMessage(leave.error, t)}
            </p>
          )}
        </>
      )}
      {user && isVolunteer && !member && applications.isPending && <p className="h5-muted">{t('common.loading')}</p>}
      {user && isVolunteer && !member && pending && (
        <p role="status" className="h5-success">
          {t('join.pending', { date: formatDate(pending.createdAt, language) })}
        </p>
      )}
      {user && isVolunteer && !member && applications.isSuccess && !pending && (
        <form
          className="h5-form"
          onSubmit={(event) => {
            event.preventDefault();
            apply.mutate({ teamId, message: message.trim() || undefined });
          }}
        >
          <p className="h5-muted">{t('join.intro')}</p>
          <TextAreaField
            label={t('join.message')}
            optional={t('common.optional')}
            rows={2}
            maxLength={200}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          {apply.isError && (
            <p role="alert" className="h5-error">
              {errorMessage(apply.error, t)}
            </p>
          )}
          <Button type="submit" block size="large" color="primary" loading={apply.isPending}>
            {t('join.apply')}
          </Button>
        </form>
      )}
      {user && isVolunteer && applications.isError && <p className="h5-error">{errorMessage(applications.error, t)}</p>}
    </Section>
  );
}
