import { Alert, Descriptions, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportRowError } from '@duodi/contracts';
import { i18n } from '../../../lib/i18n';
import { IMPORT_FIELDS } from '../../../lib/contract-values';

/** The column header the user's template has for a field (`idNumber` → 证件号码), else the field name. */
export function importFieldLabel(field: string): string {
  return (IMPORT_FIELDS as readonly string[]).includes(field) ? i18n.t(`importFields.${field as (typeof IMPORT_FIELDS)[number]}`) : field;
}

const RUNNING: ImportJob['status'][] = ['validating', 'importing'];

/** Where an import stands: a progress bar while it runs, the counts, and after the dry run every bad row. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const running = RUNNING.includes(job.status);
  return (
    <div className="console-import-progress">
      <p role="status" aria-live="polite">
        {t(`console.imports.status.${job.status}`)}
        {running ? ` ${t('console.imports.percent', { value: job.progress })}` : ''}
      </p>
      {running && (
        <Progress
          percent={job.progress}
          status="active"
          aria-label={t('console.imports.progressLabel', { phase: t(`console.imports.status.${job.status}`) })}
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('console.imports.total')}>{job.total}</Descriptions.Item>
        <Descriptions.Item label={t('console.imports.ok')}>{job.ok}</Descriptions.Item>
        <Descriptions.Item label={t('console.imports.bad')}>{job.bad}</Descriptions.Item>
        <Descriptions.Item label={t('console.imports.existing')}>{job.existing}</Descriptions.Item>
        {(job.status === 'importing' || job.status === 'done') && (
          <>
            <Descriptions.Item label={t('console.imports.imported')}>{job.imported}</Descriptions.Item>
            <Descriptions.Item label={t('console.imports.unchanged')}>{job.unchanged}</Descriptions.Item>
          </>
        )}
      </Descriptions>
    </div>
  );
}

/** The dry run's report: one row per problem, with the spreadsheet line, the column and the reason. */
export function ImportReportTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="console-section-title">{t('console.imports.badRows', { count: job.bad })}</h2>
      {job.errorsTruncated && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('console.imports.truncated', { shown: job.errors.length })} />
      )}
      <Table<ImportRowError>
        rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
        size="small"
        dataSource={job.errors}
        pagination={job.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('console.imports.noProblems') }}
        columns={[
          { title: t('console.imports.line'), dataIndex: 'line', width: 90, align: 'right' },
          { title: t('console.imports.field'), dataIndex: 'field', width: 180, render: (field: string) => importFieldLabel(field) },
          { title: t('console.imports.reason'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}
