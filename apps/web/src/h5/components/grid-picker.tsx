import { useTranslation } from 'react-i18next';
import { useCommunities, useCommunity } from '../../features/organization/api/get-communities';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { SelectField } from './form-field';

/** Community (or village) first, then one of its grids, read from `/communities/{id}`. */
export function GridPicker({
  communityId,
  gridId,
  onChange,
  communityError,
  gridError,
  communityLabel,
  gridLabel,
}: {
  communityId: string;
  gridId: string;
  onChange: (next: { communityId: string; gridId: string }) => void;
  communityError?: string;
  gridError?: string;
  communityLabel?: string;
  gridLabel?: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const communities = useCommunities();
  const community = useCommunity(communityId || undefined);
  const grids = community.data?.grids ?? [];

  return (
    <>
      <SelectField
        label={communityLabel ?? t('volunteer.form.community')}
        value={communityId}
        onChange={(event) => onChange({ communityId: event.target.value, gridId: '' })}
        error={communityError ?? (communities.isError ? t('errors.network') : undefined)}
      >
        <option value="">{t('common.choose')}</option>
        {(communities.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {localName(c, language).text}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={gridLabel ?? t('volunteer.form.grid')}
        value={gridId}
        disabled={!communityId || community.isPending}
        hint={!communityId ? t('volunteer.form.gridAfterCommunity') : undefined}
        onChange={(event) => onChange({ communityId, gridId: event.target.value })}
        error={gridError}
      >
        <option value="">{communityId && community.isPending ? t('common.loading') : t('common.choose')}</option>
        {grids.map((g) => (
          <option key={g.id} value={g.id}>
            {localName(g, language).text}
          </option>
        ))}
      </SelectField>
    </>
  );
}
