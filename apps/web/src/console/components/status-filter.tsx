import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The "show: pending / approved / … / all" filter of the console's decision queues (team applications,
 * party reports, deletion and recovery requests). `labelOf` gives each status its localized text.
 */
export function StatusFilter<S extends string>({
  id,
  statuses,
  labelOf,
  value,
  onChange,
}: {
  id: string;
  statuses: readonly S[];
  labelOf: (status: S) => string;
  value: S | 'all';
  onChange: (value: S | 'all') => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <span id={id}>{t('console.applications.show')}</span>
      <Segmented<S | 'all'>
        aria-labelledby={id}
        value={value}
        onChange={onChange}
        options={[...statuses.map((s) => ({ value: s, label: labelOf(s) })), { value: 'all' as const, label: t('common.all') }]}
      />
    </Space>
  );
}
