import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { TeamApplication, TeamInvitation } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useTeams } from '../../features/organization/api/get-teams';
import { useMyApplications, useWithdrawApplication } from '../../features/teams/api/applications';
import { useAnswerInvitation, useMyInvitations } from '../../features/teams/api/invitations';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Localized } from '../components/localized';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

/** 我的入队申请: applications with their state (and a rejection's reason), and invitations to answer. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('applications.title'), t('app.name'));
  const me = useMe();
  const isVolunteer = Boolean(me.data?.volunteerId);
  const applications = useMyApplications({ enabled: isVolunteer });
  const invitations = useMyInvitations({ enabled: isVolunteer });

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login?next=/me/applications" replace />;
  if (!isVolunteer) return <Navigate to="/register" replace />;

  const pendingInvitations = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');

  return (
    <>
      <h1 className="h5-page-title">{t('applications.title')}</h1>
      {pendingInvitations.length > 0 && (
        <Section title={t('applications.invitations')}>
          <ul className="link-list">
            {pendingInvitations.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} />
            ))}
          </ul>
        </Section>
      )}
      <Section title={t('applications.mine')}>
        {applications.isPending && <Loading />}
        {applications.isError && <ErrorNotice error={applications.error} onRetry={() => void applications.refetch()} />}
        {applications.data && applications.data.items.length === 0 && (
          <>
            <p className="h5-muted">{t('applications.none')}</p>
            <div className="h5-actions">
              <Link className="h5-button-link" to="/teams">
                {t('volunteer.profile.findTeams')}
              </Link>
            </div>
          </>
        )}
        {applications.data && applications.data.items.length > 0 && (
          <ul className="link-list">
            {applications.data.items.map((application) => (
              <ApplicationRow key={application.id} application={application} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function useTeamName(teamId: string, fallback: string) {
  const language = currentLanguage();
  const teams = useTeams();
  const team = teams.data?.items.find((item) => item.id === teamId);
  return localName(team ?? { name: fallback }, language);
}

function ApplicationRow({ application }: { application: TeamApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = useTeamName(application.teamId, application.teamName);
  const withdraw = useWithdrawApplication();
  return (
    <li className="application-row">
      <Link to={`/teams/${application.teamId}`}>
        <span className="link-list__main">
          <Localized className="link-list__title" value={name} />
          <span className="link-list__meta">
            <span className={`status-badge status-badge--${application.status}`}>{t(`applications.status.${application.status}`)}</span> ·{' '}
            {t('applications.appliedOn', { date: formatDate(application.createdAt, language) })}
            {application.decidedAt ? ` · ${t('applications.decidedOn', { date: formatDate(application.decidedAt, language) })}` : ''}
          </span>
          {application.reason && <span className="link-list__meta">{t('applications.reason', { reason: application.reason })}</span>}
        </span>
      </Link>
      {application.status === 'pending' && (
        <div className="application-row__actions">
          <Button
            size="middle"
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate(application.id)}
            aria-label={`${t('applications.withdraw')} · ${name.text}`}
          >
            {t('applications.withdraw')}
          </Button>
          {withdraw.isError && <p className="h5-error">{errorMessage(withdraw.error, t)}</p>}
        </div>
      )}
    </li>
  );
}

function InvitationRow({ invitation }: { invitation: TeamInvitation }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = localName({ name: invitation.teamName, nameBo: invitation.teamNameBo }, language);
  const answer = useAnswerInvitation();
  return (
    <li className="info-row invitation-row">
      <span className="link-list__main">
        <Localized className="link-list__title" value={name} />
        {invitation.message && <span className="link-list__meta">{invitation.message}</span>}
        <span className="link-list__meta">{t('applications.invitedOn', { date: formatDate(invitation.createdAt, language) })}</span>
        {answer.isError && <span className="h5-error">{errorMessage(answer.error, t)}</span>}
        <span className="invitation-row__actions">
          <Button
            color="primary"
            loading={answer.isPending && answer.variables?.action === 'accept'}
            onClick={() => answer.mutate({ id: invitation.id, action: 'accept' })}
          >
            {t('applications.accept', { team: name.text })}
          </Button>
          <Button
            loading={answer.isPending && answer.variables?.action === 'decline'}
            onClick={() => answer.mutate({ id: invitation.id, action: 'decline' })}
          >
            {t('applications.decline', { team: name.text })}
          </Button>
        </span>
      </span>
    </li>
  );
}
