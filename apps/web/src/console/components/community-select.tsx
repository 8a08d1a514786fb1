import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunities } from '../../features/organization/api/get-communities';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';

/** A community filter; `id` ties it to its Form.Item label. */
export function CommunitySelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const communities = useCommunities();
  return (
    <Select
      id={id}
      style={{ minWidth: 180 }}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      loading={communities.isPending}
      options={[
        { value: '', label: t('common.all') },
        ...(communities.data?.items ?? []).map((c) => ({ value: c.id, label: localName(c, language).text })),
      ]}
    />
  );
}
