import { useId } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../api/audit-log';
import { actionLabel, entityTypeLabel } from '../labels';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../values';

/** Action, entity type, entity id and a date range (street dates, both included). */
export function AuditFiltersBar({ value, onChange }: { value: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const all = { value: '', label: t('common.all') };
  return (
    <Space wrap size={[16, 8]} align="end" style={{ marginBottom: 16 }} role="group" aria-label={t('audit.filters.label')}>
      <span>
        <label htmlFor={`${id}-action`} className="console-label">
          {t('audit.filters.action')}
        </label>
        <Select
          id={`${id}-action`}
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 220 }}
          value={value.action ?? ''}
          onChange={(next: string) => set({ action: next || undefined })}
          options={[all, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))]}
        />
      </span>
      <span>
        <label htmlFor={`${id}-entity-type`} className="console-label">
          {t('audit.filters.entityType')}
        </label>
        <Select
          id={`${id}-entity-type`}
          style={{ minWidth: 160 }}
          value={value.entityType ?? ''}
          onChange={(next: string) => set({ entityType: next || undefined })}
          options={[all, ...AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))]}
        />
      </span>
      <span>
        <label htmlFor={`${id}-entity-id`} className="console-label">
          {t('audit.filters.entityId')}
        </label>
        <Input.Search
          // A new key after “reset” empties the box (it keeps its own text otherwise).
          key={value.entityId ?? ''}
          id={`${id}-entity-id`}
          style={{ width: 240 }}
          allowClear
          defaultValue={value.entityId}
          maxLength={64}
          onSearch={(next) => set({ entityId: next.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </span>
      <span>
        <label htmlFor={`${id}-from`} className="console-label">
          {t('audit.filters.from')}
        </label>
        <Input
          id={`${id}-from`}
          type="date"
          value={value.from ?? ''}
          max={value.to}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </span>
      <span>
        <label htmlFor={`${id}-to`} className="console-label">
          {t('audit.filters.to')}
        </label>
        <Input
          id={`${id}-to`}
          type="date"
          value={value.to ?? ''}
          min={value.from}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </span>
      <Button onClick={() => onChange({})} disabled={Object.values(value).every((v) => v === undefined)}>
        {t('audit.filters.reset')}
      </Button>
    </Space>
  );
}
