import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '@duodi/contracts';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useStatsOverview } from '../../features/stats/api/get-stats-overview';
import { minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';

const VolunteersChart = lazy(() => import('../components/volunteers-chart'));

type StatKey = Exclude<keyof StatsOverview, 'verifiedMinutes'> | 'verifiedHours';

const CARDS: StatKey[] = [
  'communities',
  'teams',
  'volunteers',
  'activeVolunteers30d',
  'verifiedHours',
  'residents',
  'households',
  'focusGroupResidents',
  'partyMembers',
  'units',
  'demandsOpen',
  'demandsCompleted',
];

export default function DashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.dashboard.title'), t('app.consoleName'));
  const stats = useStatsOverview();
  const communities = useCommunities();

  const chartData = useMemo(
    () => (communities.data?.items ?? []).map((c) => ({ name: localName(c, language).text, value: c.volunteerCount })),
    [communities.data, language],
  );
  const summary = chartData.map((d) => `${d.name} ${d.value}`).join('；');

  return (
    <>
      <h1 className="console-page-title">{t('console.dashboard.title')}</h1>
      {stats.isPending && <Loading />}
      {stats.isError && <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <Row gutter={[16, 16]}>
          {CARDS.map((key) => {
            const value = key === 'verifiedHours' ? minutesToHours(stats.data.verifiedMinutes) : stats.data[key];
            return (
              <Col key={key} xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t(`stats.${key}`)} value={value} />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <h2 className="console-section-title">{t('console.dashboard.chartTitle')}</h2>
      <Card>
        {communities.isPending && <Loading />}
        {communities.isError && <ProblemAlert error={communities.error} onRetry={() => void communities.refetch()} />}
        {communities.data && (
          <Suspense fallback={<Loading />}>
            <VolunteersChart data={chartData} seriesName={t('stats.volunteers')} label={t('console.dashboard.chartSummary', { summary })} />
          </Suspense>
        )}
      </Card>
    </>
  );
}
