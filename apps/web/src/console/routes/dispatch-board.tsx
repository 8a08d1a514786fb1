import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Drawer } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useBoardColumn, type DemandFilters } from '../../features/dispatch/api/demands';
import { useDispatchLookups, type DispatchLookups } from '../components/dispatch-lookups';
import { BOARD_COLUMNS } from '../../features/dispatch/values';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DispatchCard } from '../components/dispatch-card';
import { DemandPanel } from '../components/dispatch-demand-panel';
import { DispatchFilters } from '../components/dispatch-filters';
import { DeadlineLegend, useNow } from '../components/dispatch-parts';
import { Loading, ProblemAlert } from '../components/query-state';

const COLUMN_LIMIT = 50;
const BarChart = lazy(() => import('../components/volunteers-chart'));

/** ECharts draws on a canvas; where there is none (jsdom, very old browsers) the column headings carry the counts alone. */
let canvasOk: boolean | undefined;
function canvasSupported(): boolean {
  if (canvasOk === undefined) canvasOk = probeCanvas();
  return canvasOk;
}
function probeCanvas(): boolean {
  try {
    return (
      typeof HTMLCanvasElement !== 'undefined' &&
      !navigator.userAgent.includes('jsdom') &&
      Boolean(document.createElement('canvas').getContext('2d'))
    );
  } catch {
    return false;
  }
}

function BoardColumn({
  column,
  filters,
  me,
  lookups,
  now,
  onOpen,
  onCount,
}: {
  onCount: (key: string, count: number | null) => void;
  column: (typeof BOARD_COLUMNS)[number];
  filters: Omit<DemandFilters, 'status'>;
  me: Me;
  lookups: DispatchLookups;
  now: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const query = useBoardColumn(column.statuses, filters, COLUMN_LIMIT);
  const headingId = `dispatch-column-${column.key}`;
  const items = query.data?.items ?? [];
  const overdue = items.filter((d) => d.overdue).length;
  const count = query.data ? items.length : null;
  useEffect(() => onCount(column.key, count), [onCount, column.key, count]);
  return (
    <section
      className="dispatch-column"
      aria-labelledby={headingId}
      style={{ flex: '0 0 280px', background: '#f5f7fa', borderRadius: 8, padding: 8 }}
    >
      <h2 id={headingId} style={{ fontSize: 16, margin: '4px 4px 8px' }}>
        {t(`dispatch.column.${column.key}`)}{' '}
        <small>
          {query.data ? t(query.data.more ? 'dispatch.board.countMore' : 'dispatch.board.count', { count: items.length }) : ''}
          {overdue > 0 ? ` · ${t('dispatch.board.overdueCount', { count: overdue })}` : ''}
        </small>
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p style={{ margin: 4 }}>{t('dispatch.board.emptyColumn')}</p>}
      {items.map((demand) => (
        <DispatchCard key={demand.id} demand={demand} me={me} lookups={lookups} now={now} onOpen={onOpen} />
      ))}
    </section>
  );
}

/** 派单看板: the open demands by step, with deadline colours (and words), filters and each role's steps inline. */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dispatch.board.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  const now = useNow();
  const [filters, setFilters] = useState<Omit<DemandFilters, 'status'>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const onCount = useCallback((key: string, count: number | null) => setCounts((c) => (c[key] === count ? c : { ...c, [key]: count })), []);
  const chartData = BOARD_COLUMNS.map((column) => ({ name: t(`dispatch.column.${column.key}`), value: counts[column.key] ?? 0 }));
  const chartReady = canvasSupported() && BOARD_COLUMNS.every((column) => typeof counts[column.key] === 'number');
  if (!me) return <Loading />;
  return (
    <>
      <h1 className="console-page-title">{t('dispatch.board.title')}</h1>
      <p>{t('dispatch.board.intro')}</p>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Link to="/demands">{t('dispatch.board.toList')}</Link>
        <Link to="/dispatch-suggestions">{t('dispatch.board.toSuggestions')}</Link>
      </div>
      <DispatchFilters
        value={filters}
        onChange={setFilters}
        lookups={lookups}
        withFocus={hasRole(me, 'street_admin', 'community_admin', 'grid_worker')}
      />
      <DeadlineLegend />
      <div className="dispatch-board" style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
        {BOARD_COLUMNS.map((column) => (
          <BoardColumn
            key={column.key}
            column={column}
            filters={filters}
            me={me}
            lookups={lookups}
            now={now}
            onOpen={setOpenId}
            onCount={onCount}
          />
        ))}
      </div>
      {chartReady && (
        <Suspense fallback={null}>
          <h2 style={{ fontSize: 16, marginTop: 16 }}>{t('dispatch.board.chartSeries')}</h2>
          <BarChart
            data={chartData}
            seriesName={t('dispatch.board.chartSeries')}
            label={t('dispatch.board.chartSummary', {
              summary: chartData.map((d) => `${d.name} ${d.value}`).join(t('dispatch.board.chartJoin')),
            })}
          />
        </Suspense>
      )}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size="large"
        title={t('dispatch.detail.title')}
        destroyOnHidden
        extra={openId ? <Link to={`/demands/${encodeURIComponent(openId)}`}>{t('dispatch.detail.openPage')}</Link> : null}
      >
        {openId && <DemandPanel demandId={openId} me={me} lookups={lookups} />}
      </Drawer>
    </>
  );
}
