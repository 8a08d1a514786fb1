/**
 * Generated import files for tests and the import benchmark: volunteer rosters and resident lists
 * with valid GB 11643 ID numbers (region 540124, never used by the demo data, which uses 540102),
 * and a roster of 1,000 rows of which exactly 37 are bad in known ways.
 */
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, residentIdCheckChar, type ImportKind } from '@duodi/contracts';

export const SANGYI_GRIDS = ['SY-01', 'SY-02', 'SY-03', 'SY-04', 'SY-05', 'SY-06', 'SY-07'];
export const JIXIANG_GRIDS = ['JX-01', 'JX-02', 'JX-03', 'JX-04', 'JX-05', 'JX-06'];
export const ALL_GRIDS = [...JIXIANG_GRIDS, ...SANGYI_GRIDS, 'LO-01', 'LO-02', 'DD-01', 'DD-03', 'WB-02', 'ZJ-04'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid resident ID: region 540124, a birth date from 1950 counted in days, a 3-digit sequence. */
export function residentId(index: number, opts: { bornFrom?: number; region?: string } = {}): string {
  const day = new Date(Date.UTC(opts.bornFrom ?? 1950, 0, 1) + (index % 18_000) * 86_400_000);
  const seq = pad(Math.floor(index / 18_000) * 7 + 1 + (index % 7), 3);
  const first17 = `${opts.region ?? '540124'}${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCDate(), 2)}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** The same ID with a wrong check character. */
export function withBadChecksum(id: string): string {
  const check = residentIdCheckChar(id.slice(0, 17));
  return id.slice(0, 17) + (check === '1' ? '2' : '1');
}

const SURNAMES = ['扎西', '次仁', '尼玛', '达瓦', '格桑', '央金', '卓玛', '拉巴', '普布', '索朗'];
const GIVEN = ['多吉', '卓玛', '平措', '拉姆', '顿珠', '曲珍', '旺堆', '德吉', '罗布', '白玛'];
const SKILL_LABELS = ['陪伴聊天', '维修', '医疗护理', '藏汉翻译', '巡逻', 'companionship', 'cooking', '保洁'];
const LANG_LABELS = ['藏语、汉语', '汉语', 'bo, zh', '藏语'];
const TEAMS = ['', '', '', '"布谷响铃"志愿服务队', '“布谷响铃”志愿服务队'];

export const VOLUNTEER_HEADER = IMPORT_COLUMNS.volunteers.map((c) => c.header['zh-CN']);
export const RESIDENT_HEADER = IMPORT_COLUMNS.residents.map((c) => c.header['zh-CN']);

/** Column index of a field in the Chinese header of a kind. */
export const colOf = (kind: ImportKind, field: string) => IMPORT_COLUMNS[kind].findIndex((c) => c.field === field);

/** `n` valid volunteer rows (Chinese header order), people numbered from `offset`. */
export function volunteerRows(n: number, opts: { offset?: number; grids?: string[] } = {}): string[][] {
  const grids = opts.grids ?? ALL_GRIDS;
  const rows: string[][] = [];
  for (let k = 0; k < n; k++) {
    const i = (opts.offset ?? 0) + k;
    const row = new Array<string>(VOLUNTEER_HEADER.length).fill('');
    row[colOf('volunteers', 'name')] = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    row[colOf('volunteers', 'idNumber')] = residentId(i);
    row[colOf('volunteers', 'phone')] = `136${pad(i, 8)}`;
    row[colOf('volunteers', 'gridCode')] = grids[i % grids.length]!;
    row[colOf('volunteers', 'skills')] = `${SKILL_LABELS[i % SKILL_LABELS.length]}、${SKILL_LABELS[(i + 3) % SKILL_LABELS.length]}`;
    row[colOf('volunteers', 'languages')] = LANG_LABELS[i % LANG_LABELS.length]!;
    row[colOf('volunteers', 'team')] = TEAMS[i % TEAMS.length]!;
    rows.push(row);
  }
  return rows;
}

export interface ExpectedProblem {
  line: number;
  field: string;
  code: string;
}

/**
 * 1,000 volunteer rows (lines 2–1001 under the header), exactly 37 of them bad, each in one known way:
 * checksum, birth date, format, missing name, over-long name, formula name, unknown grid, bad phone,
 * duplicate ID in the file, unknown skill, unknown language, unknown team, a minor.
 */
export function rosterWith37BadRows(offset = 0): { header: string[]; rows: string[][]; bad: ExpectedProblem[] } {
  const rows = volunteerRows(1000, { offset });
  const bad: ExpectedProblem[] = [];
  const c = (f: string) => colOf('volunteers', f);
  let next = 17;
  const spoil = (count: number, field: string, code: string, change: (row: string[], line: number) => void) => {
    for (let k = 0; k < count; k++) {
      const index = next;
      next += 26;
      const line = index + 2;
      change(rows[index]!, line);
      bad.push({ line, field, code });
    }
  };
  spoil(5, 'idNumber', 'id_checksum', (r) => (r[c('idNumber')] = withBadChecksum(r[c('idNumber')]!)));
  spoil(
    3,
    'idNumber',
    'id_birth_date',
    (r) =>
      (r[c('idNumber')] = (() => {
        const first17 = `540124${'19900231'}${pad(next % 1000, 3)}`;
        return first17 + residentIdCheckChar(first17);
      })()),
  );
  spoil(2, 'idNumber', 'id_format', (r) => (r[c('idNumber')] = r[c('idNumber')]!.slice(0, 17)));
  spoil(4, 'name', 'required', (r) => (r[c('name')] = ''));
  spoil(2, 'name', 'too_long', (r) => (r[c('name')] = '扎'.repeat(51)));
  spoil(2, 'name', 'invalid_characters', (r) => (r[c('name')] = '=HYPERLINK("http://x.example","点击")'));
  spoil(4, 'gridCode', 'unknown_grid_code', (r) => (r[c('gridCode')] = 'XX-99'));
  spoil(4, 'phone', 'phone_format', (r) => (r[c('phone')] = '1234567'));
  spoil(4, 'idNumber', 'duplicate_in_file', (r, line) => {
    // The ID of a good row 3 lines above (those rows stay good).
    r[c('idNumber')] = rows[line - 2 - 3]![c('idNumber')]!;
  });
  spoil(4, 'skills', 'unknown_value', (r) => (r[c('skills')] = '维修、杂技'));
  spoil(1, 'languages', 'unknown_value', (r) => (r[c('languages')] = '克林贡语'));
  spoil(1, 'team', 'unknown_team', (r) => (r[c('team')] = '不存在的队伍'));
  spoil(1, 'idNumber', 'minor_needs_guardian', (r) => {
    const first17 = `540124${new Date().getUTCFullYear() - 10}0601123`;
    r[c('idNumber')] = first17 + residentIdCheckChar(first17);
  });
  if (bad.length !== 37 || next > 1000) throw new Error('fixture: expected 37 bad rows');
  return { header: VOLUNTEER_HEADER, rows, bad };
}

/**
 * A resident list of 200 rows, two or three people per address, focus tags (some sensitive) and
 * proxy flags; exactly 12 rows bad.
 */
export function residentListWith12BadRows(): { header: string[]; rows: string[][]; bad: ExpectedProblem[] } {
  const c = (f: string) => colOf('residents', f);
  const rows: string[][] = [];
  const tags = ['', '老年人', '独居、老年人', '残疾人', '留守儿童', 'new_employment', ''];
  for (let i = 0; i < 200; i++) {
    const row = new Array<string>(RESIDENT_HEADER.length).fill('');
    row[c('name')] = `${SURNAMES[(i + 3) % 10]}${GIVEN[(i * 7) % 10]}`;
    row[c('idNumber')] = residentId(50_000 + i, { bornFrom: 1940 });
    row[c('phone')] = i % 3 === 0 ? '' : `137${pad(i, 8)}`;
    row[c('gridCode')] = SANGYI_GRIDS[Math.floor(i / 3) % SANGYI_GRIDS.length]!;
    row[c('address')] = `桑伊路 ${Math.floor(i / 3) + 1} 号`;
    row[c('focusTags')] = tags[i % tags.length]!;
    row[c('proxyNeeded')] = i % 5 === 0 ? '是' : i % 5 === 1 ? '否' : '';
    rows.push(row);
  }
  const bad: ExpectedProblem[] = [];
  const spoil = (index: number, field: string, code: string, change: (r: string[]) => void) => {
    change(rows[index]!);
    bad.push({ line: index + 2, field, code });
  };
  spoil(10, 'idNumber', 'id_checksum', (r) => (r[c('idNumber')] = withBadChecksum(r[c('idNumber')]!)));
  spoil(25, 'idNumber', 'required', (r) => (r[c('idNumber')] = ''));
  spoil(40, 'name', 'required', (r) => (r[c('name')] = ''));
  spoil(55, 'gridCode', 'unknown_grid_code', (r) => (r[c('gridCode')] = 'SY-99'));
  spoil(70, 'phone', 'phone_format', (r) => (r[c('phone')] = '138001380'));
  spoil(85, 'focusTags', 'unknown_value', (r) => (r[c('focusTags')] = '老年人、富豪'));
  spoil(100, 'proxyNeeded', 'unknown_value', (r) => (r[c('proxyNeeded')] = '也许'));
  spoil(115, 'idNumber', 'duplicate_in_file', (r) => (r[c('idNumber')] = rows[113]![c('idNumber')]!));
  spoil(130, 'address', 'too_long', (r) => (r[c('address')] = '路'.repeat(201)));
  spoil(145, 'address', 'invalid_characters', (r) => (r[c('address')] = '桑伊路\u0007 1 号'));
  spoil(160, 'idType', 'unknown_value', (r) => (r[c('idType')] = '驾照'));
  spoil(175, 'name', 'invalid_characters', (r) => (r[c('name')] = '<script>alert(1)</script>'));
  return { header: RESIDENT_HEADER, rows, bad };
}

/** An xlsx workbook with one sheet; every cell written as text (as a careful clerk formats the ID column). */
export async function toXlsx(header: string[], rows: string[][], opts: { title?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('名单');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 CSV, UTF-8 with a BOM as Excel writes it. */
export function toCsv(header: string[], rows: string[][]): Buffer {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\ufeff${[header, ...rows].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`, 'utf8');
}
