/**
 * Reading and writing the two file formats of imports, with no knowledge of what the columns mean:
 * a sheet is a list of rows of trimmed strings, each with the line a spreadsheet shows for it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { neutralizeFormula, type ImportFormat } from '@duodi/contracts';

export interface SheetRow {
  /** The row number a spreadsheet shows (1-based; the header is usually line 1). */
  line: number;
  cells: string[];
  /** Cells that held a number too large to be exact (an 18-digit ID number typed into Excel). */
  inexact: boolean[];
}

/** A problem with the file as a whole: it cannot be read, or has too many rows. */
export class FileProblem extends Error {
  constructor(
    readonly code: 'file_unreadable' | 'too_many_rows' | 'no_rows',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** One exceljs cell value as text: rich text joined, hyperlinks by their text, formulas by their cached result. */
function cellText(value: ExcelJS.CellValue | undefined): { text: string; inexact: boolean } {
  if (value === null || value === undefined) return { text: '', inexact: false };
  if (typeof value === 'string') return { text: value, inexact: false };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { text: value.toFixed(0), inexact: true };
    return { text: String(value), inexact: false };
  }
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', inexact: false };
  if (value instanceof Date) {
    return { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`, inexact: false };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text).join(''), inexact: false };
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
    if ('text' in value && typeof value.text === 'string') return { text: value.text, inexact: false };
    if ('error' in value) return { text: '', inexact: false };
  }
  return { text: '', inexact: false };
}

const clean = (s: string) => s.replace(ZERO_WIDTH, '').trim();

/** Reads the first worksheet of an xlsx file, streaming, stopping after `maxRows` + a few header rows. */
async function readXlsx(buffer: Buffer, maxRows: number): Promise<SheetRow[]> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new FileProblem('file_unreadable');
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        const inexact: boolean[] = [];
        // exceljs rows are 1-based: values[0] is always empty.
        for (let c = 1; c < values.length; c++) {
          const { text, inexact: lost } = cellText(values[c] as ExcelJS.CellValue);
          cells.push(clean(text));
          inexact.push(lost);
        }
        if (cells.some((c) => c !== '')) rows.push({ line: row.number, cells, inexact });
        if (rows.length > maxRows + HEADER_SEARCH_ROWS) throw new FileProblem('too_many_rows', { max: maxRows });
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('file_unreadable');
  }
  return rows;
}

/** UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows saves as "CSV". */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function readCsv(buffer: Buffer, maxRows: number): SheetRow[] {
  const text = decodeText(buffer);
  if (text.includes('\u0000')) throw new FileProblem('file_unreadable');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      to: maxRows + HEADER_SEARCH_ROWS + 1,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new FileProblem('file_unreadable');
  }
  if (records.length > maxRows + HEADER_SEARCH_ROWS) throw new FileProblem('too_many_rows', { max: maxRows });
  return records
    .map(({ record, info }) => ({ line: info.lines, cells: record.map((c) => clean(c)), inexact: record.map(() => false) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

/** Rows above the header that may hold a title ("夺底街道志愿者花名册"). */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The non-empty rows of the file, each cell trimmed and stripped of zero-width characters.
 * @throws FileProblem
 */
export async function readSheet(format: ImportFormat, buffer: Buffer, maxRows: number): Promise<SheetRow[]> {
  return format === 'xlsx' ? readXlsx(buffer, maxRows) : readCsv(buffer, maxRows);
}

/* ---------- writing (templates, error reports) ---------- */

export interface SheetOut {
  name: string;
  header: string[];
  rows: (string | number)[][];
  /** Columns (0-based) formatted as text, so Excel keeps 18-digit ID numbers and leading zeros. */
  textColumns?: number[];
}

/** RFC 4180 CSV with a UTF-8 BOM (Excel opens it as UTF-8); every text cell neutralised against formulas. */
export function writeCsv(sheet: SheetOut): Buffer {
  const quote = (v: string | number) => {
    const s = typeof v === 'number' ? String(v) : neutralizeFormula(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [sheet.header, ...sheet.rows].map((r) => r.map(quote).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An xlsx workbook of the given sheets (the first is the data sheet); text cells neutralised against formulas. */
export async function writeXlsx(sheets: SheetOut[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duodi';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    ws.addRow(s.header.map(neutralizeFormula)).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : neutralizeFormula(v))));
    s.header.forEach((h, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.min(60, Math.max(12, ...[h, ...s.rows.map((r) => String(r[i] ?? ''))].map((v) => v.length * 2)));
      if (s.textColumns?.includes(i)) column.numFmt = '@';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
