import ExcelJS from 'exceljs';
import { RECORD_EXPORT_COLUMNS } from '@duodi/contracts';

export type ExportRow = Record<(typeof RECORD_EXPORT_COLUMNS)[number], string>;

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised (CSV injection). */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The records as CSV (UTF-8 with BOM so that spreadsheet programs read Chinese and Tibetan). Pure. */
export function recordsCsv(rows: ExportRow[]): string {
  const lines = [RECORD_EXPORT_COLUMNS.join(','), ...rows.map((r) => RECORD_EXPORT_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The records as a workbook, one sheet, values as text. Pure. */
export async function recordsWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duodi volunteer-service platform';
  const ws = wb.addWorksheet('service_records');
  ws.columns = RECORD_EXPORT_COLUMNS.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
