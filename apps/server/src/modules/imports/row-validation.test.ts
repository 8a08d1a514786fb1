import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, residentIdCheckChar } from '@duodi/contracts';
import { createRowValidator, matchHeader, normalizeTeamName, type RowContext } from './row-validation.js';
import type { SheetRow } from './spreadsheet.js';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const ctx: RowContext = {
  kind: 'residents',
  grids: new Map([
    ['SY-02', { id: 'grid_sy_02', code: 'SY-02', communityId: 'com_sy' }],
    ['JX-01', { id: 'grid_jx_01', code: 'JX-01', communityId: 'com_jx' }],
  ]),
  teams: new Map([[normalizeTeamName('"布谷响铃"志愿服务队'), 'team_bugu']]),
  inScope: (g) => g.communityId === 'com_sy',
  today: new Date('2026-11-01T00:00:00Z'),
};
const header: SheetRow = { line: 1, cells: IMPORT_COLUMNS.residents.map((c) => c.header['zh-CN']), inexact: [] };
const row = (line: number, values: Partial<Record<string, string>>): SheetRow => ({
  line,
  cells: IMPORT_COLUMNS.residents.map((c) => values[c.field] ?? ''),
  inexact: IMPORT_COLUMNS.residents.map(() => false),
});

describe(matchHeader.name, () => {
  it('finds Chinese, Tibetan and English headers with notes and stars, under a title row', () => {
    const rows: SheetRow[] = [
      { line: 1, cells: ['吉祥社区居民名单'], inexact: [] },
      { line: 3, cells: ['姓名（必填）', 'ལག་ཁྱེར་ཨང་གྲངས', 'Grid Code*', '住址', '备注'], inexact: [] },
    ];
    const { header: h, missing } = matchHeader('residents', rows);
    expect(h?.line).toBe(3);
    expect([...h!.columns.entries()]).toEqual([
      [0, 'name'],
      [1, 'idNumber'],
      [2, 'gridCode'],
      [3, 'address'],
    ]);
    expect(missing).toEqual([]);
  });

  it('names the required columns a file lacks', () => {
    const { missing } = matchHeader('volunteers', [{ line: 1, cells: ['姓名', '证件号码'], inexact: [] }]);
    expect(missing.map((c) => c.field)).toEqual(['phone', 'gridCode']);
  });
});

describe(createRowValidator.name, () => {
  const { header: h } = matchHeader('residents', [header]);

  it('normalizes a good row: ID upper-cased, birth date and gender derived, labels to codes, +86 dropped', () => {
    const validate = createRowValidator(ctx, h!);
    const { row: r, problems } = validate(
      row(2, {
        name: ' 次仁  卓玛 ',
        idNumber: id('54012419450301002').toLowerCase(),
        phone: '+86 139-1234-5678',
        gridCode: 'sy-02',
        focusTags: '老年人、独居；elderly',
        proxyNeeded: '是',
        address: '夺底路 1 号',
      }),
    );
    expect(problems).toEqual([]);
    expect(r).toMatchObject({
      name: '次仁 卓玛',
      birthDate: '1945-03-01',
      gender: 'female',
      phone: '13912345678',
      gridId: 'grid_sy_02',
      focusTags: ['elderly', 'living_alone'],
      proxyNeeded: true,
    });
    expect(r!.idNumber).toBe(r!.idNumber.toUpperCase());
  });

  it('reports each problem with its field and code, and a row outside the scope', () => {
    const validate = createRowValidator(ctx, h!);
    const cases: [Partial<Record<string, string>>, string, string][] = [
      [{ name: '', idNumber: id('54012419450301002'), gridCode: 'SY-02' }, 'name', 'required'],
      [{ name: '扎西', idNumber: '54012419450301002X', gridCode: 'SY-02' }, 'idNumber', 'id_checksum'],
      [{ name: '扎西', idNumber: id('54012419450231002'), gridCode: 'SY-02' }, 'idNumber', 'id_birth_date'],
      [{ name: '扎西', idNumber: id('54012419450301002'), gridCode: 'JX-01' }, 'gridCode', 'grid_out_of_scope'],
      [{ name: '扎西', idNumber: id('54012419450301002'), gridCode: 'QQ-1' }, 'gridCode', 'unknown_grid_code'],
      [{ name: '扎西', idNumber: id('54012419450301002'), gridCode: 'SY-02', phone: '12345' }, 'phone', 'phone_format'],
      [{ name: '扎西', idNumber: id('54012419450301002'), gridCode: 'SY-02', focusTags: '富豪' }, 'focusTags', 'unknown_value'],
      [{ name: '@SUM(1)', idNumber: id('54012419450301002'), gridCode: 'SY-02' }, 'name', 'invalid_characters'],
      [{ name: '扎西', idNumber: id('54012419450301002'), gridCode: 'SY-02', address: 'a\u001bb' }, 'address', 'invalid_characters'],
      [{ name: '扎西', idType: '护照', idNumber: 'E1234', gridCode: 'SY-02', birthDate: '2099-01-01' }, 'birthDate', 'invalid_date'],
    ];
    cases.forEach(([values, field, code], i) => {
      const { row: r, problems } = validate(row(i + 2, values));
      expect(r, `${field}:${code}`).toBeNull();
      expect(problems).toEqual([expect.objectContaining({ line: i + 2, field, code })]);
    });
  });

  it('keeps the first good row of an ID number and reports the later one with the first line', () => {
    const validate = createRowValidator(ctx, h!);
    const same = id('54012419500101003');
    expect(validate(row(2, { name: '甲', idNumber: same, gridCode: 'SY-02' })).row).not.toBeNull();
    expect(validate(row(9, { name: '乙', idNumber: same, gridCode: 'SY-02' })).problems).toEqual([
      { line: 9, field: 'idNumber', code: 'duplicate_in_file', params: { line: 2 } },
    ]);
  });

  it('refuses minors in a volunteer roster (DR-02) and matches team names whatever their quotes', () => {
    const vHeader: SheetRow = { line: 1, cells: IMPORT_COLUMNS.volunteers.map((c) => c.header.en), inexact: [] };
    const validate = createRowValidator({ ...ctx, kind: 'volunteers' }, matchHeader('volunteers', [vHeader]).header!);
    const cells = (values: Record<string, string>): SheetRow => ({
      line: 2,
      cells: IMPORT_COLUMNS.volunteers.map((c) => values[c.field] ?? ''),
      inexact: [],
    });
    const minor = validate(cells({ name: '小扎西', idNumber: id('54012420150601001'), phone: '13900000099', gridCode: 'SY-02' }));
    expect(minor.problems).toEqual([expect.objectContaining({ field: 'idNumber', code: 'minor_needs_guardian' })]);
    const ok = validate(
      cells({
        name: '扎西',
        idNumber: id('54012419800601001'),
        phone: '13900000098',
        gridCode: 'SY-02',
        team: '“布谷响铃” 志愿服务队',
        skills: '维修/陪伴聊天',
        languages: 'བོད་སྐད',
      }),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.row).toMatchObject({ teamId: 'team_bugu', skills: ['repair', 'companionship'], languages: ['bo'] });
  });
});
