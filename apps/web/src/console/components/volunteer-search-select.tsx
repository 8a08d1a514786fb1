import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getVolunteers } from '../../features/volunteers/api/get-volunteers';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';

/** Finds a volunteer by name (Chinese, Tibetan, pinyin initials) or number, for invitations and leaders. */
export function VolunteerSearchSelect({
  id,
  value,
  onChange,
  exclude = [],
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['volunteer-search', q],
    queryFn: () => getVolunteers({ q, limit: 20 }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      allowClear
      style={{ minWidth: 280 }}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      loading={search.isFetching}
      placeholder={t('console.volunteerSearch.placeholder')}
      notFoundContent={q ? t('common.empty') : t('console.volunteerSearch.typeToSearch')}
      options={(search.data?.items ?? [])
        .filter((v) => !exclude.includes(v.id))
        .map((v) => ({ value: v.id, label: `${localName(v, language).text} · ${v.volunteerNo}` }))}
    />
  );
}
