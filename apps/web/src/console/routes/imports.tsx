import { useId, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFormat, ImportJobListItem, ImportKind } from '@duodi/contracts';
import { IMPORT_KINDS, IMPORT_MAX_BYTES } from '../../lib/contract-values';
import {
  importFormatOf,
  useCommitImport,
  useDownloadImportReport,
  useDownloadTemplate,
  useImportJob,
  useImports,
  useStartImport,
} from '../../features/imports/api/imports';
import { ImportProgress, ImportReportTable } from '../../features/imports/components/import-report';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';

const MB = 1024 * 1024;

/**
 * Import a volunteer roster or a resident list: template, upload (dry run with a progress bar), the
 * report of every bad row, then the import of the good rows. Re-importing a file changes nothing.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.imports.title'), t('app.consoleName'));
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('volunteers');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useImportJob(jobId);
  const commit = useCommitImport();
  const template = useDownloadTemplate();
  const report = useDownloadImportReport();
  const history = useImports();
  const fileProblem = file ? (importFormatOf(file) === null ? 'type' : file.size > IMPORT_MAX_BYTES ? 'size' : null) : null;
  const current = job.data;

  return (
    <>
      <h1 className="console-page-title">{t('console.imports.title')}</h1>
      <p>{t('console.imports.intro')}</p>

      <Card className="console-card">
        <h2 className="console-section-title" style={{ marginTop: 0 }}>
          {t('console.imports.step1')}
        </h2>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <span id={`${id}-kind`} className="console-label">
              {t('console.imports.kind')}
            </span>
            <Radio.Group
              aria-labelledby={`${id}-kind`}
              optionType="button"
              value={kind}
              onChange={(event) => setKind(event.target.value as ImportKind)}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`console.imports.kinds.${k}`) }))}
            />
          </div>
          <Space wrap>
            {(['xlsx', 'csv'] as ImportFormat[]).map((format) => (
              <Button
                key={format}
                loading={template.isPending && template.variables?.format === format}
                onClick={() => template.mutate({ kind, format })}
              >
                {t('console.imports.template', { kind: t(`console.imports.kinds.${kind}`), format: format.toUpperCase() })}
              </Button>
            ))}
          </Space>
          {template.isError && <Alert type="error" showIcon role="alert" title={errorMessage(template.error, t)} />}
          <div>
            <label htmlFor={`${id}-file`} className="console-label">
              {t('console.imports.file')}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${id}-file-hint${fileProblem ? ` ${id}-file-problem` : ''}`}
              aria-invalid={Boolean(fileProblem)}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                start.reset();
              }}
            />
            <p id={`${id}-file-hint`} className="console-hint">
              {t('console.imports.fileHint', { max: `${IMPORT_MAX_BYTES / MB} MB` })}
            </p>
            {fileProblem && (
              <p id={`${id}-file-problem`} className="console-error" role="alert">
                {fileProblem === 'type'
                  ? t('console.imports.wrongType')
                  : t('console.imports.tooBig', { max: `${IMPORT_MAX_BYTES / MB} MB` })}
              </p>
            )}
          </div>
          <div>
            <Button
              type="primary"
              disabled={!file || Boolean(fileProblem)}
              loading={start.isPending}
              onClick={() => file && start.mutate({ kind, file }, { onSuccess: (created) => setJobId(created.id) })}
            >
              {t('console.imports.check')}
            </Button>
          </div>
          {start.isError && <Alert type="error" showIcon role="alert" title={errorMessage(start.error, t)} />}
        </Space>
      </Card>

      {jobId && (
        <Card className="console-card" style={{ marginTop: 16 }}>
          <h2 className="console-section-title" style={{ marginTop: 0 }}>
            {t('console.imports.step2')}
          </h2>
          {job.isError && <ProblemAlert error={job.error} onRetry={() => void job.refetch()} />}
          {current && (
            <>
              {current.fileName && <p>{t('console.imports.fileName', { name: current.fileName })}</p>}
              <ImportProgress job={current} />
              {current.status === 'failed' && (
                <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={t('console.imports.failed')} />
              )}
              {current.status === 'done' && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="success"
                  showIcon
                  role="status"
                  title={t('console.imports.doneSummary', { imported: current.imported, unchanged: current.unchanged, bad: current.bad })}
                />
              )}
              {current.status === 'validated' && (
                <Space wrap style={{ marginTop: 16 }}>
                  <Button type="primary" disabled={current.ok === 0} loading={commit.isPending} onClick={() => commit.mutate(current.id)}>
                    {t('console.imports.commit', { count: current.ok })}
                  </Button>
                  {current.bad > 0 &&
                    (['xlsx', 'csv'] as ImportFormat[]).map((format) => (
                      <Button
                        key={format}
                        loading={report.isPending && report.variables?.format === format}
                        onClick={() => report.mutate({ id: current.id, format })}
                      >
                        {t('console.imports.reportDownload', { format: format.toUpperCase() })}
                      </Button>
                    ))}
                </Space>
              )}
              {current.status === 'validated' && current.existing > 0 && (
                <p className="console-hint">{t('console.imports.existingHint', { count: current.existing })}</p>
              )}
              {commit.isError && (
                <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(commit.error, t)} />
              )}
              {report.isError && (
                <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(report.error, t)} />
              )}
              {current.status !== 'validating' && <ImportReportTable job={current} />}
            </>
          )}
        </Card>
      )}

      <h2 className="console-section-title">{t('console.imports.history')}</h2>
      <ImportHistory items={history.data?.items ?? []} loading={history.isPending} onOpen={setJobId} />
      {history.isError && <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />}
    </>
  );
}

function ImportHistory({ items, loading, onOpen }: { items: ImportJobListItem[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table<ImportJobListItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('console.imports.uploadedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, language) },
        { title: t('console.imports.kind'), dataIndex: 'kind', render: (k: ImportKind) => t(`console.imports.kinds.${k}`) },
        { title: t('console.imports.fileColumn'), dataIndex: 'fileName', render: (v: string | null) => v ?? '' },
        {
          title: t('volunteer.profile.status'),
          dataIndex: 'status',
          render: (s: ImportJobListItem['status']) => <Tag>{t(`console.imports.status.${s}`)}</Tag>,
        },
        { title: t('console.imports.total'), dataIndex: 'total', align: 'right' },
        { title: t('console.imports.bad'), dataIndex: 'bad', align: 'right' },
        { title: t('console.imports.imported'), dataIndex: 'imported', align: 'right' },
        {
          title: t('fields.actions'),
          key: 'open',
          render: (_, job) => (
            <Button type="link" onClick={() => onOpen(job.id)}>
              {t('common.details')}
              <span className="visually-hidden"> {job.fileName ?? job.id}</span>
            </Button>
          ),
        },
      ]}
    />
  );
}
