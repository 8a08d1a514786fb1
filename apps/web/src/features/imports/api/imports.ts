import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportCreated, ImportFormat, ImportJob, ImportJobListItem, ImportKind } from '@duodi/contracts';
import { apiDownload, apiRequest, apiUpload } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** xlsx or CSV, by the file's type or (browsers often leave CSV untyped) its name. */
export function importFormatOf(file: File): ImportFormat | null {
  if (file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name)) return 'xlsx';
  if (file.type === 'text/csv' || /\.csv$/i.test(file.name)) return 'csv';
  return null;
}

/** Uploads the raw file; the server starts the dry run (validating) and answers with the job id. */
export function startImport(kind: ImportKind, file: File): Promise<ImportCreated> {
  const format = importFormatOf(file);
  return apiUpload<ImportCreated>('/api/v1/imports', {
    file,
    query: { kind, fileName: file.name },
    contentType: format === 'csv' ? 'text/csv' : XLSX_TYPE,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => startImport(kind, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function getImport(id: string): Promise<ImportJob> {
  return apiRequest<ImportJob>(`/api/v1/imports/${encodeURIComponent(id)}`);
}

const RUNNING: ImportJob['status'][] = ['validating', 'importing'];

/** Polls the job once a second while it validates or imports, then stops. */
export function useImportJob(id: string | null, { intervalMs = 1000 }: { intervalMs?: number } = {}) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: () => getImport(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !RUNNING.includes(query.state.data.status) ? false : intervalMs),
  });
}

/** Starts the real import of the valid rows (202); the job then reports `importing` until `done`. */
export function commitImport(id: string): Promise<ImportCreated> {
  return apiRequest<ImportCreated>(`/api/v1/imports/${encodeURIComponent(id)}/commit`, { method: 'POST' });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: (created) => {
      queryClient.setQueryData<ImportJob>(['import', created.id], (job) => (job ? { ...job, status: created.status, progress: 0 } : job));
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'import' || q.queryKey[0] === 'imports' });
    },
  });
}

/** The caller's imports, newest first (a street admin sees the street's). */
export function getImports(): Promise<Page<ImportJobListItem>> {
  return apiRequest<Page<ImportJobListItem>>('/api/v1/imports', { query: { limit: 20 } });
}

export function useImports() {
  return useQuery({ queryKey: ['imports'], queryFn: getImports });
}

/** The dry run's problems as a file, for fixing the spreadsheet offline. */
export function downloadImportReport(id: string, format: ImportFormat): Promise<string> {
  return apiDownload(`/api/v1/imports/${encodeURIComponent(id)}/report`, { query: { format }, fallbackName: `import-report.${format}` });
}

export function useDownloadImportReport() {
  return useMutation({ mutationFn: ({ id, format }: { id: string; format: ImportFormat }) => downloadImportReport(id, format) });
}

export function downloadImportTemplate(kind: ImportKind, format: ImportFormat): Promise<string> {
  return apiDownload('/api/v1/imports/template', { query: { kind, format }, fallbackName: `${kind}-template.${format}` });
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: ({ kind, format }: { kind: ImportKind; format: ImportFormat }) => downloadImportTemplate(kind, format),
  });
}
