import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@duodi/contracts';
import { actionLabel, entityTypeLabel, formatAuditTime } from '../labels';
import { ValueDiff } from './value-diff';

function ActorName({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.actor) return <span>{t('audit.system')}</span>;
  return (
    <span>
      {entry.actor.name || entry.actor.id}
      {entry.actor.role && <small> · {t(`roles.${entry.actor.role}`)}</small>}
    </span>
  );
}

/** What changed: old → new per key, the reason and who did it. */
function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div aria-label={t('audit.detail', { action: actionLabel(t, entry.action) })} role="region">
      <ValueDiff before={entry.oldValue} after={entry.newValue} />
      <p style={{ margin: '8px 0 0' }}>
        {t('audit.columns.reason')}: {entry.reason ?? t('audit.noReason')}
      </p>
      <p style={{ margin: 0 }}>
        {t('audit.columns.actor')}: <ActorName entry={entry} />
        {entry.actor && <small> ({entry.actor.id})</small>}
      </p>
      <p style={{ margin: 0 }}>
        <small>
          {t(`audit.source.${entry.source}`)} · {t('audit.entryId', { id: entry.id })}
        </small>
      </p>
    </div>
  );
}

/** The audit log, newest first; a row opens to show its change. */
export function AuditTable({ rows, loading }: { rows: AuditEntry[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<AuditEntry>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} />, expandRowByClick: true }}
      columns={[
        {
          title: t('audit.columns.at'),
          dataIndex: 'at',
          width: 180,
          render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatAuditTime(v)}</span>,
        },
        {
          title: t('audit.columns.action'),
          key: 'action',
          render: (_, e) => (
            <>
              {actionLabel(t, e.action)}
              <div>
                <small>
                  <code>{e.action}</code>
                </small>
              </div>
            </>
          ),
        },
        {
          title: t('audit.columns.entity'),
          key: 'entity',
          render: (_, e) => (
            <>
              {entityTypeLabel(t, e.entityType)}
              <div>
                <small>
                  <code style={{ overflowWrap: 'anywhere' }}>{e.entityId}</code>
                </small>
              </div>
            </>
          ),
        },
        { title: t('audit.columns.actor'), key: 'actor', render: (_, e) => <ActorName entry={e} /> },
        { title: t('audit.columns.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
