import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useCampaignOverview, useCampaigns, useCarePlans, useGridCoverage, useSetCarePlanActive } from '../../features/visits/api/visits';
import { CarePlanForm } from '../../features/visits/components/care-plan-form';
import type { CampaignOverview, CarePlan, CoverageItem } from '../../features/visits/types';
import { errorMessage } from '../../lib/error-message';
import { formatDate, formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';
import { StatusTag } from '../components/status-tag';

const GroupedBarChart = lazy(() => import('../../features/visits/components/grouped-bar-chart'));

type GridRow = CampaignOverview['grids'][number];

/** 走访活动: DR-20 coverage per grid (households not visited within the cycle) and the figures per period. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.campaigns.title'), t('app.consoleName'));
  const campaigns = useCampaigns();
  const [chosen, setChosen] = useState<string | undefined>();
  const [period, setPeriod] = useState<'month' | 'week'>('month');
  const items = campaigns.data?.items ?? [];
  const campaignId = chosen ?? items.find((c) => c.active)?.id ?? items[0]?.id;
  const overview = useCampaignOverview(campaignId, { period });
  const [gridId, setGridId] = useState<string | undefined>();
  const data = overview.data;

  const gridName = (g: GridRow) => localName(g, language).text;
  const coverageSeries = useMemo(
    () =>
      data
        ? [
            { name: t('console.campaigns.visitedInCycle'), values: data.grids.map((g) => g.visitedInCycle), color: '#0a58ca' },
            { name: t('console.campaigns.overdue'), values: data.grids.map((g) => g.overdue), color: '#b3261e' },
          ]
        : [],
    [data, t],
  );
  const figureSeries = useMemo(
    () =>
      data
        ? [
            { name: t('console.campaigns.homeVisits'), values: data.periods.map((p) => p.homeVisits), color: '#0a58ca' },
            { name: t('console.campaigns.inquiriesAnswered'), values: data.periods.map((p) => p.inquiriesAnswered), color: '#2e7d32' },
          ]
        : [],
    [data, t],
  );

  return (
    <>
      <h1 className="console-page-title">{t('console.campaigns.title')}</h1>
      <p>{t('console.campaigns.intro')}</p>
      {campaigns.isError && <ProblemAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="campaign-select">{t('console.campaigns.campaign')}</label>
        <Select
          id="campaign-select"
          style={{ minWidth: 280 }}
          value={campaignId}
          loading={campaigns.isPending}
          onChange={(value: string) => {
            setChosen(value);
            setGridId(undefined);
          }}
          options={items.map((c) => ({
            value: c.id,
            label: `${localName(c, language).text} · ${formatDate(c.startsOn, language)}–${formatDate(c.endsOn, language)}`,
          }))}
        />
        <span id="period-label">{t('console.campaigns.period')}</span>
        <Segmented<'month' | 'week'>
          aria-labelledby="period-label"
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'month', label: t('console.campaigns.byMonth') },
            { value: 'week', label: t('console.campaigns.byWeek') },
          ]}
        />
      </Space>
      {campaigns.isSuccess && items.length === 0 && <p>{t('console.campaigns.none')}</p>}
      {overview.isError && <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isPending && campaignId && <Loading />}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['households', data.totals.households],
                ['visitedInCycle', data.totals.visitedInCycle],
                ['overdue', data.totals.overdue],
                ['homeVisits', data.totals.homeVisits],
                ['inquiriesAnswered', data.totals.inquiriesAnswered],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={8} lg={4}>
                <Card size="small">
                  <Statistic title={t(`console.campaigns.${key}`)} value={formatNumber(value, language)} />
                </Card>
              </Col>
            ))}
          </Row>
          <h2>{t('console.campaigns.coverageTitle', { days: data.campaign.cycleDays })}</h2>
          <Suspense fallback={<Loading />}>
            <GroupedBarChart
              categories={data.grids.map(gridName)}
              series={coverageSeries}
              label={data.grids
                .map((g) =>
                  t('console.campaigns.gridSentence', {
                    grid: gridName(g),
                    overdue: g.overdue,
                    visited: g.visitedInCycle,
                    households: g.households,
                  }),
                )
                .join('；')}
            />
          </Suspense>
          <Table<GridRow>
            rowKey="gridId"
            dataSource={data.grids}
            pagination={false}
            style={{ marginTop: 12, marginBottom: 24 }}
            onRow={(g) => ({ onClick: () => setGridId(g.gridId) })}
            columns={[
              { title: t('fields.grid'), key: 'grid', render: (_, g) => gridName(g) },
              { title: t('console.campaigns.households'), dataIndex: 'households' },
              { title: t('console.campaigns.visitedInCycle'), dataIndex: 'visitedInCycle' },
              {
                title: t('console.campaigns.overdue'),
                key: 'overdue',
                render: (_, g) => (g.overdue > 0 ? <StatusTag tone="danger">{g.overdue}</StatusTag> : 0),
              },
              { title: t('console.campaigns.homeVisits'), dataIndex: 'homeVisits' },
              { title: t('console.campaigns.inquiriesAnswered'), dataIndex: 'inquiriesAnswered' },
            ]}
          />
          <h2>{t('console.campaigns.figuresTitle')}</h2>
          <Suspense fallback={<Loading />}>
            <GroupedBarChart
              categories={data.periods.map((p) => p.period)}
              series={figureSeries}
              label={data.periods
                .map((p) =>
                  t('console.campaigns.periodSentence', { period: p.period, visits: p.homeVisits, answered: p.inquiriesAnswered }),
                )
                .join('；')}
            />
          </Suspense>
          <Table<CampaignOverview['periods'][number]>
            rowKey="period"
            dataSource={data.periods}
            pagination={false}
            size="small"
            style={{ marginTop: 12, marginBottom: 24 }}
            columns={[
              { title: t('console.campaigns.period'), dataIndex: 'period' },
              { title: t('console.campaigns.homeVisits'), dataIndex: 'homeVisits' },
              { title: t('console.campaigns.inquiriesAnswered'), dataIndex: 'inquiriesAnswered' },
              { title: t('console.campaigns.visits'), dataIndex: 'visits' },
            ]}
          />
          <OverdueList
            grids={data.grids}
            gridId={gridId ?? data.grids.find((g) => g.overdue > 0)?.gridId}
            onGrid={setGridId}
            cycleDays={data.campaign.cycleDays}
          />
        </>
      )}
      <CarePlans />
    </>
  );
}

/** Recurring care plans (an elderly person living alone: a visit every week), with due and missed ones flagged. */
function CarePlans() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const plans = useCarePlans();
  const me = useMe();
  const toggle = useSetCarePlanActive();
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // Plans are set up by the grid worker of the resident's grid or the community admin; the street admin may pause them.
  const mayCreate = hasRole(me.data, 'grid_worker', 'community_admin');
  const mayToggle = hasRole(me.data, 'grid_worker', 'community_admin', 'street_admin');
  return (
    <>
      <h2>{t('console.campaigns.carePlans')}</h2>
      <p>{t('console.campaigns.carePlansIntro')}</p>
      {mayCreate && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('carePlans.new')}
        </Button>
      )}
      {saved && (
        <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('carePlans.created', { name: saved })} />
      )}
      {toggle.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(toggle.error, t)} />}
      <CarePlanForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(plan) => {
          setCreating(false);
          setSaved(plan.residentName);
        }}
      />
      {plans.isError && <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      <Table<CarePlan>
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('fields.name'), dataIndex: 'residentName' },
          { title: t('console.campaigns.planKind'), key: 'kind', render: (_, p) => t(`console.campaigns.planKinds.${p.kind}`) },
          { title: t('console.campaigns.every'), key: 'every', render: (_, p) => t('console.campaigns.everyDays', { n: p.everyDays }) },
          { title: t('console.campaigns.nextDue'), key: 'next', render: (_, p) => formatDate(p.nextDueAt, language) },
          {
            title: t('console.campaigns.lastDone'),
            key: 'last',
            render: (_, p) => (p.lastDoneAt ? formatDate(p.lastDoneAt, language) : '—'),
          },
          {
            title: t('activities.fields.status'),
            key: 'state',
            render: (_, p) => (
              <Space wrap>
                {!p.active && <StatusTag tone="neutral">{t('console.campaigns.planInactive')}</StatusTag>}
                {p.active && p.due && <StatusTag tone="warning">{t('console.campaigns.planDue')}</StatusTag>}
                {p.missedCount > 0 && <StatusTag tone="danger">{t('console.campaigns.planMissed', { n: p.missedCount })}</StatusTag>}
                {p.active && !p.due && p.missedCount === 0 && <StatusTag tone="success">{t('console.campaigns.planOnTrack')}</StatusTag>}
              </Space>
            ),
          },
          ...(mayToggle
            ? [
                {
                  title: t('fields.actions'),
                  key: 'actions',
                  render: (_: unknown, p: CarePlan) => (
                    <Button
                      size="small"
                      loading={toggle.isPending && toggle.variables?.id === p.id}
                      aria-label={t(p.active ? 'carePlans.pauseFor' : 'carePlans.resumeFor', { name: p.residentName })}
                      onClick={() => toggle.mutate({ id: p.id, active: !p.active })}
                    >
                      {t(p.active ? 'carePlans.pause' : 'carePlans.resume')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** DR-20: the households of one grid not visited within the cycle. */
function OverdueList({
  grids,
  gridId,
  onGrid,
  cycleDays,
}: {
  grids: GridRow[];
  gridId: string | undefined;
  onGrid: (id: string) => void;
  cycleDays: number;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const coverage = useGridCoverage(gridId, cycleDays);
  const overdue = (coverage.data?.items ?? []).filter((c) => c.overdue);
  return (
    <>
      <h2>{t('console.campaigns.overdueTitle')}</h2>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="coverage-grid">{t('fields.grid')}</label>
        <Select
          id="coverage-grid"
          style={{ minWidth: 220 }}
          value={gridId}
          onChange={onGrid}
          options={grids.map((g) => ({ value: g.gridId, label: localName(g, language).text }))}
        />
      </Space>
      {coverage.isError && <ProblemAlert error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {coverage.data && (
        <p role="status">
          {t('console.campaigns.overdueCount', {
            n: coverage.data.overdueCount,
            households: coverage.data.households,
            days: coverage.data.cycleDays,
          })}
        </p>
      )}
      <Table<CoverageItem>
        rowKey="householdId"
        loading={coverage.isPending && Boolean(gridId)}
        dataSource={overdue}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('console.campaigns.household'), dataIndex: 'householdLabel' },
          {
            title: t('console.campaigns.lastVisit'),
            dataIndex: 'lastVisitAt',
            render: (v: string | null) => (v ? formatDate(v, language) : t('visits.neverVisited')),
          },
        ]}
      />
    </>
  );
}
