import { useTranslation } from 'react-i18next';
import { diffValues, formatValue } from '../diff';

/** Old → new, key by key; keys that did not change are shown once, greyed. */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const lines = diffValues(before, after);
  if (lines.length === 0) return <p>{t('audit.diff.empty')}</p>;
  return (
    <ul aria-label={t('audit.diff.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {lines.map((line) => (
        <li key={line.key || '-'} style={{ padding: '2px 0', overflowWrap: 'anywhere' }}>
          {line.key && <code>{line.key}</code>}
          {line.key && ': '}
          {line.changed ? (
            <>
              <del style={{ color: '#a8071a' }}>{formatValue(line.before)}</del>
              {' → '}
              <ins style={{ color: '#135200', textDecoration: 'none', fontWeight: 600 }}>{formatValue(line.after)}</ins>
            </>
          ) : (
            <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
              {formatValue(line.after)} <small>({t('audit.diff.unchanged')})</small>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
