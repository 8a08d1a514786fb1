import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useCarePlans } from '../../features/visits/api/visits';
import { needsAttention, type CarePlan } from '../../features/visits/types';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';

/** The visit log opened for one household (the care plan's), so the grid worker only fills in what happened. */
export const visitLink = (householdId: string) => `/visits/new?household=${encodeURIComponent(householdId)}`;

/** 关爱计划 (grid worker): the care plans of their grid that are due now or have missed visits, each opening the visit log. */
export default function CarePlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('carePlans.h5.title'), t('app.name'));
  const me = useMe();
  const gridId = me.data?.gridId ?? undefined;
  const allowed = hasRole(me.data, 'grid_worker');
  const plans = useCarePlans(gridId, { enabled: allowed && Boolean(gridId) });

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login?next=/care-plans" replace />;

  const items = (plans.data?.items ?? []).filter(needsAttention);
  return (
    <>
      <h1 className="h5-page-title">{t('carePlans.h5.title')}</h1>
      <p className="h5-muted">{t('carePlans.h5.intro')}</p>
      {!allowed && <p className="h5-notice">{t('carePlans.h5.onlyGridWorkers')}</p>}
      {allowed && !gridId && <p className="h5-notice">{t('visits.noGrid')}</p>}
      {plans.isPending && allowed && gridId && <Loading />}
      {plans.isError && <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && (
        <Section title={t('carePlans.h5.attention', { n: items.length })}>
          {items.length === 0 ? (
            <p className="h5-muted">{t('carePlans.h5.none')}</p>
          ) : (
            <ul className="link-list">
              {items.map((plan) => (
                <PlanRow key={plan.id} plan={plan} />
              ))}
            </ul>
          )}
        </Section>
      )}
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to="/visits/new">
          {t('visits.title')}
        </Link>
      </div>
    </>
  );
}

function PlanRow({ plan }: { plan: CarePlan }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const body = (
    <span className="link-list__main">
      <span className="link-list__title" lang={scriptLang(plan.residentName)}>
        {plan.residentName}
      </span>
      <span className="link-list__meta">
        {t(`carePlans.h5.kind.${plan.kind}`, { n: plan.everyDays })} ·{' '}
        {t('carePlans.h5.due', { date: formatDate(plan.nextDueAt, language) })}
      </span>
      <span className="link-list__meta">
        {plan.due && <span className="status-badge status-badge--pending">{t('console.campaigns.planDue')}</span>}
        {plan.missedCount > 0 && (
          <>
            {' '}
            <span className="status-badge status-badge--rejected">{t('console.campaigns.planMissed', { n: plan.missedCount })}</span>
          </>
        )}
      </span>
      {plan.kind === 'demand' && <span className="link-list__meta">{t('carePlans.h5.demandAuto')}</span>}
    </span>
  );
  return (
    <li>
      {plan.kind === 'visit' && plan.householdId ? (
        <Link to={visitLink(plan.householdId)} aria-label={t('carePlans.h5.logVisitFor', { name: plan.residentName })}>
          {body}
        </Link>
      ) : (
        <div>{body}</div>
      )}
    </li>
  );
}
