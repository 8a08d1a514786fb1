import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useVolunteerSummary } from '../../features/hours/api/hours';
import { NotVolunteer, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursText } from '../../features/hours/model';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 我的时长: verified hours (one decimal), star, points and time-bank balance, with the ways on. */
export default function MyHoursPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.mine.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.mine.title')}</h1>
      <SignedIn next="/me/hours" title={t('hours.mine.title')}>
        {(me) => (me.volunteerId ? <Summary volunteerId={me.volunteerId} /> : <NotVolunteer />)}
      </SignedIn>
    </>
  );
}

function Summary({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const summary = useVolunteerSummary(volunteerId);
  const links: [string, string][] = [
    ['/me/records', t('hours.records.title')],
    ['/me/star', t('hours.star.title')],
    ['/wallet', t('hours.wallet.title')],
    ['/rewards', t('hours.rewards.title')],
    ['/me/redemptions', t('hours.redemptions.title')],
    ['/me/qr', t('hours.qr.title')],
    ['/time-bank', t('hours.timeBank.title')],
    ['/me/certificates', t('hours.certificates.title')],
  ];
  return (
    <>
      <Section title={t('hours.mine.summary')}>
        {summary.isPending && <Loading />}
        {summary.isError && <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && (
          <>
            <dl className="hours-balances">
              <div>
                <dt>{t('hours.mine.verified')}</dt>
                <dd>{t('hours.hoursValue', { value: hoursText(summary.data.verifiedMinutes) })}</dd>
              </div>
              <div>
                <dt>{t('hours.mine.star')}</dt>
                <dd>{summary.data.star > 0 ? t('star.value', { count: summary.data.star }) : t('star.none')}</dd>
              </div>
              <div>
                <dt>{t('hours.wallet.points')}</dt>
                <dd>{summary.data.points}</dd>
              </div>
              <div>
                <dt>{t('hours.wallet.timeBank')}</dt>
                <dd>{t('hours.hoursValue', { value: hoursText(summary.data.timeBankMinutes) })}</dd>
              </div>
            </dl>
            {summary.data.pendingRecords > 0 && (
              <p className="h5-muted">{t('hours.mine.pending', { count: summary.data.pendingRecords })}</p>
            )}
            <p className="h5-muted">{t('hours.pointsNeverReduceHours')}</p>
          </>
        )}
      </Section>
      <Section title={t('hours.mine.more')}>
        <ul className="link-list">
          {links.map(([to, label]) => (
            <li key={to}>
              <Link to={to}>
                <span className="link-list__main">
                  <span className="link-list__title">{label}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
