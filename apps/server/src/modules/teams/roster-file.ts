import ExcelJS from 'exceljs';
import type { TeamMemberRole, UiLang } from '@duodi/contracts';

/** One row of a team roster; the phone is the display mask only (DR-21: exports are masked). */
export interface RosterRow {
  volunteerNo: string;
  name: string;
  nameBo: string | null;
  role: TeamMemberRole;
  gender: 'male' | 'female' | null;
  phoneMasked: string | null;
  skills: string[];
  languages: string[];
  star: number;
  verifiedMinutes: number;
  joinedOn: string;
}

const LABELS: Record<UiLang, { sheet: string; headers: string[]; roles: Record<TeamMemberRole, string>; gender: Record<'male' | 'female', string> }> = {
  'zh-CN': {
    sheet: '队员名册',
    headers: ['志愿者编号', '姓名', '藏文姓名', '队内职务', '性别', '手机（脱敏）', '技能', '语言', '星级', '服务时长（小时）', '入队日期'],
    roles: { leader: '队长', deputy: '副队长', member: '队员' },
    gender: { male: '男', female: '女' },
  },
  bo: {
    sheet: 'ཁོངས་མིའི་མིང་ཐོ།',
    headers: [
      'དང་བླངས་པའི་ཨང་རྟགས།',
      'མིང་།',
      'བོད་ཡིག་མིང་།',
      'ལས་འགན།',
      'ཕོ་མོ།',
      'ཁ་པར། (སྦས་པ།)',
      'ལག་རྩལ།',
      'སྐད་ཡིག',
      'སྐར་མའི་རིམ་པ།',
      'ཞབས་ཞུའི་དུས་ཚོད། (ཆུ་ཚོད།)',
      'རུ་ཁག་ལ་ཞུགས་པའི་ཚེས་གྲངས།',
    ],
    roles: { leader: 'རུ་དཔོན།', deputy: 'རུ་དཔོན་གཞོན་པ།', member: 'ཁོངས་མི།' },
    gender: { male: 'ཕོ།', female: 'མོ།' },
  },
  en: {
    sheet: 'Roster',
    headers: ['Volunteer no.', 'Name', 'Tibetan name', 'Role', 'Gender', 'Phone (masked)', 'Skills', 'Languages', 'Star', 'Verified hours', 'Joined on'],
    roles: { leader: 'Leader', deputy: 'Deputy', member: 'Member' },
    gender: { male: 'male', female: 'female' },
  },
};

/** Hours to one decimal, as DR-03 shows them. */
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

function cells(r: RosterRow, lang: UiLang): (string | number)[] {
  const l = LABELS[lang];
  return [
    r.volunteerNo,
    r.name,
    r.nameBo ?? '',
    l.roles[r.role],
    r.gender ? l.gender[r.gender] : '',
    r.phoneMasked ?? '',
    r.skills.join(', '),
    r.languages.join(', '),
    r.star,
    hours(r.verifiedMinutes),
    r.joinedOn,
  ];
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted: CSV injection. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 CSV with a byte-order mark, so Excel opens Chinese and Tibetan text correctly. */
export function rosterCsv(rows: RosterRow[], lang: UiLang): Buffer {
  const lines = [LABELS[lang].headers.map(csvCell).join(','), ...rows.map((r) => cells(r, lang).map(csvCell).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export async function rosterXlsx(rows: RosterRow[], lang: UiLang, teamName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duodi volunteer-service platform';
  wb.title = teamName;
  const ws = wb.addWorksheet(LABELS[lang].sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(LABELS[lang].headers).font = { bold: true };
  for (const r of rows) ws.addRow(cells(r, lang));
  const widths = [14, 14, 22, 12, 8, 16, 30, 14, 8, 14, 14];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
