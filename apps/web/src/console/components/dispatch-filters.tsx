import { useId } from 'react';
import { Checkbox, Input, Select, Space } from 'antd';
import { FOCUS_TAGS } from '@duodi/contracts';
import { useTranslation } from 'react-i18next';
import type { DemandFilters } from '../../features/dispatch/api/demands';
import type { DispatchLookups } from './dispatch-lookups';
import { DEMAND_STATUS_VALUES, DEMAND_URGENCY_VALUES } from '../../features/dispatch/values';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { CommunitySelect } from './community-select';

/** The filters of the board and the demand list (community, grid, team, urgency, overdue; the list adds status). */
export function DispatchFilters({
  value,
  onChange,
  lookups,
  withStatus = false,
  withFocus = false,
}: {
  value: DemandFilters;
  onChange: (next: DemandFilters) => void;
  lookups: DispatchLookups;
  /** The list adds status and a word search. */
  withStatus?: boolean;
  /** Staff of the place (street and community admins, grid workers) may filter by the beneficiary's focus group. */
  withFocus?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const set = (patch: Partial<DemandFilters>) => onChange({ ...value, ...patch });
  const grids = lookups.gridList.filter((g) => !value.communityId || g.communityId === value.communityId);
  const teams = lookups.teamList.filter(
    (team) => !value.communityId || team.communityId === value.communityId || team.communityId === null,
  );
  const all = { value: '', label: t('common.all') };
  return (
    <Space wrap size={[16, 8]} style={{ marginBottom: 16 }} role="group" aria-label={t('dispatch.filters.label')}>
      <span>
        <label htmlFor={`${id}-community`} className="console-label">
          {t('dispatch.fields.community')}
        </label>
        <CommunitySelect
          id={`${id}-community`}
          value={value.communityId ?? ''}
          onChange={(next) => set({ communityId: next || undefined, gridId: undefined, teamId: undefined })}
        />
      </span>
      <span>
        <label htmlFor={`${id}-grid`} className="console-label">
          {t('dispatch.fields.grid')}
        </label>
        <Select
          id={`${id}-grid`}
          style={{ minWidth: 180 }}
          value={value.gridId ?? ''}
          onChange={(next: string) => set({ gridId: next || undefined })}
          options={[all, ...grids.map((g) => ({ value: g.id, label: localName(g, language).text }))]}
        />
      </span>
      <span>
        <label htmlFor={`${id}-team`} className="console-label">
          {t('dispatch.fields.team')}
        </label>
        <Select
          id={`${id}-team`}
          style={{ minWidth: 200 }}
          value={value.teamId ?? ''}
          onChange={(next: string) => set({ teamId: next || undefined })}
          options={[all, ...teams.map((team) => ({ value: team.id, label: localName(team, language).text }))]}
        />
      </span>
      <span>
        <label htmlFor={`${id}-urgency`} className="console-label">
          {t('dispatch.fields.urgency')}
        </label>
        <Select
          id={`${id}-urgency`}
          style={{ minWidth: 120 }}
          value={value.urgency ?? ''}
          onChange={(next: string) => set({ urgency: DEMAND_URGENCY_VALUES.find((u) => u === next) })}
          options={[all, ...DEMAND_URGENCY_VALUES.map((u) => ({ value: u, label: t(`dispatch.urgency.${u}`) }))]}
        />
      </span>
      {withStatus && (
        <span>
          <label htmlFor={`${id}-status`} className="console-label">
            {t('dispatch.fields.status')}
          </label>
          <Select
            id={`${id}-status`}
            style={{ minWidth: 140 }}
            value={value.status ?? ''}
            onChange={(next: string) => set({ status: DEMAND_STATUS_VALUES.find((s) => s === next) })}
            options={[all, ...DEMAND_STATUS_VALUES.map((s) => ({ value: s, label: t(`dispatch.status.${s}`) }))]}
          />
        </span>
      )}
      {withFocus && (
        <span>
          <label htmlFor={`${id}-focus`} className="console-label">
            {t('dispatch.fields.focusTag')}
          </label>
          <Select
            id={`${id}-focus`}
            style={{ minWidth: 140 }}
            value={value.focusTag ?? ''}
            onChange={(next: string) => set({ focusTag: FOCUS_TAGS.find((tag) => tag === next) })}
            options={[all, ...FOCUS_TAGS.map((tag) => ({ value: tag, label: t(`focusTags.${tag}`) }))]}
          />
        </span>
      )}
      {withStatus && (
        <span>
          <label htmlFor={`${id}-q`} className="console-label">
            {t('dispatch.filters.search')}
          </label>
          <Input.Search
            id={`${id}-q`}
            style={{ width: 220 }}
            allowClear
            defaultValue={value.q}
            onSearch={(next) => set({ q: next.trim() || undefined })}
            enterButton={t('common.search')}
          />
        </span>
      )}
      <Checkbox checked={value.overdue === true} onChange={(e) => set({ overdue: e.target.checked ? true : undefined })}>
        {t('dispatch.filters.overdueOnly')}
      </Checkbox>
    </Space>
  );
}
