import { useTranslation } from 'react-i18next';
import { useStatsOverview } from '../../features/stats/api/get-stats-overview';
import { currentLanguage } from '../../lib/i18n';
import { formatNumber, minutesToHours } from '../../lib/format';
import { ErrorNotice, Loading } from './query-state';

/** The street in numbers, from GET /stats/overview (public). */
export function StatGrid() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const stats = useStatsOverview();
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const tiles = [
    [t('stats.communities'), s.communities],
    [t('stats.teams'), s.teams],
    [t('stats.volunteers'), s.volunteers],
    [t('stats.verifiedHours'), minutesToHours(s.verifiedMinutes)],
    [t('stats.residents'), s.residents],
    [t('stats.units'), s.units],
  ] as const;
  return (
    <dl className="stat-grid">
      {tiles.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value, language)}</dd>
        </div>
      ))}
    </dl>
  );
}
