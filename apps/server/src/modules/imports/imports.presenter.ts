import { IMPORT_COLUMNS, type ImportJob, type ImportJobListItem, type ImportKind, type UiLang } from '@duodi/contracts';
import type { StoredRowError } from '../../schema/index.js';
import { fieldText } from '../../platform/i18n/index.js';
import type { ImportJobRow } from './imports.repository.js';

type JobSummary = Omit<ImportJobRow, 'errors' | 'rowsEnc'>;

/** The header of a column in a language (the field name itself when the kind has no such column). */
export function columnLabel(kind: ImportKind, field: string, lang: UiLang): string {
  return IMPORT_COLUMNS[kind].find((c) => c.field === field)?.header[lang] ?? field;
}

/** A stored row problem as the reader sees it: the message in their language. */
export function presentRowError(kind: ImportKind, e: StoredRowError, lang: UiLang) {
  const params: Record<string, unknown> = { ...e.params };
  if (e.code === 'missing_column' && typeof params.column === 'string') params.column = columnLabel(kind, params.column, lang);
  return { line: e.line, field: e.field, code: e.code, message: fieldText(lang, e.code, params) };
}

function progressOf(j: JobSummary): number {
  switch (j.status) {
    case 'validating':
      return j.total > 0 ? Math.min(99, Math.floor((j.processed / j.total) * 100)) : 0;
    case 'importing':
      return j.ok > 0 ? Math.min(99, Math.floor(((j.imported + j.unchanged) / j.ok) * 100)) : 0;
    default:
      return 100;
  }
}

export function presentJobSummary(j: JobSummary): ImportJobListItem {
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    status: j.status,
    fileName: j.fileName,
    fileHash: j.fileHash,
    total: j.total,
    processed: j.processed,
    ok: j.ok,
    bad: j.bad,
    existing: j.existing,
    imported: j.imported,
    unchanged: j.unchanged,
    progress: progressOf(j),
    errorsTruncated: j.errorsTruncated,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    validatedAt: j.validatedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export function presentJob(j: ImportJobRow, lang: UiLang): ImportJob {
  return { ...presentJobSummary(j), errors: j.errors.map((e) => presentRowError(j.kind, e, lang)) };
}
