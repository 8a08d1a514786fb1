import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FileProblem, readSheet, writeCsv, writeXlsx } from './spreadsheet.js';

describe(readSheet.name, () => {
  it('reads CSV with a BOM, quoted commas and line breaks, skipping blank lines but keeping line numbers', async () => {
    const csv = Buffer.from('\ufeff姓名,住址\r\n\r\n扎西,"夺底路 1 号, 2 单元"\r\n"卓玛","第一行\n第二行"\r\n', 'utf8');
    const rows = await readSheet('csv', csv, 100);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['姓名', '住址']],
      [3, ['扎西', '夺底路 1 号, 2 单元']],
      [5, ['卓玛', '第一行\n第二行']],
    ]);
  });

  it('stops a file with too many rows', async () => {
    const csv = Buffer.from(Array.from({ length: 30 }, (_, i) => `a${i},b`).join('\n'));
    await expect(readSheet('csv', csv, 10)).rejects.toBeInstanceOf(FileProblem);
  });

  it('reads xlsx cells: rich text, formulas by result, dates, and flags a number too long to be exact', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['姓名', '证件号码', '出生日期', '备注']);
    ws.addRow([
      { richText: [{ text: '扎' }, { text: '西' }] },
      Number('540102199001011234'),
      new Date(Date.UTC(1990, 0, 2)),
      { formula: 'A1&"x"', result: '算出' },
    ]);
    const rows = await readSheet('xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 10);
    expect(rows[1]!.cells).toEqual(['扎西', '540102199001011264', '1990-01-02', '算出']);
    expect(rows[1]!.inexact).toEqual([false, true, false, false]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readSheet('xlsx', Buffer.from('not a zip'), 10)).rejects.toMatchObject({ code: 'file_unreadable' });
  });
});

describe('writing', () => {
  it('neutralises formulas in CSV and xlsx output', async () => {
    const csv = writeCsv({
      name: 'x',
      header: ['a', 'b'],
      rows: [
        ['=1+1', '@SUM(A1)'],
        ['-2', 'ok, "quoted"'],
      ],
    }).toString('utf8');
    expect(csv).toBe('\ufeffa,b\r\n\'=1+1,\'@SUM(A1)\r\n\'-2,"ok, ""quoted"""\r\n');
    const xlsx = await writeXlsx([{ name: 's', header: ['a'], rows: [['+cmd']] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe("'+cmd");
  });
});
