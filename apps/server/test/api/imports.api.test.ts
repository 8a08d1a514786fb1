import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, type ImportJob } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';
import {
  JIXIANG_GRIDS,
  SANGYI_GRIDS,
  colOf,
  residentId,
  residentListWith12BadRows,
  rosterWith37BadRows,
  toCsv,
  toXlsx,
  volunteerRows,
  VOLUNTEER_HEADER,
  type ExpectedProblem,
} from '../import-files.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const GRID_WORKER_SY02 = '13900000004';
const VOLUNTEER = '13900000006';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, GRID_WORKER_SY02, VOLUNTEER]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;
const volunteerCount = () => count(sql`SELECT count(*)::int AS n FROM volunteers`);
const personCount = () => count(sql`SELECT count(*)::int AS n FROM persons`);
const jobCount = () => count(sql`SELECT count(*)::int AS n FROM import_jobs`);

async function upload(phone: string, kind: 'volunteers' | 'residents', file: Buffer, type = XLSX_CONTENT_TYPE) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports?kind=${kind}`,
    headers: { ...bearer(tokens[phone]!), 'content-type': type },
    payload: file,
  });
}

async function getJob(phone: string, id: string, lang = 'zh-CN') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: { ...bearer(tokens[phone]!), 'accept-language': lang },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportJob;
}

/** Polls the job until it leaves the running states (the work runs in the background). */
async function settle(phone: string, id: string, lang = 'zh-CN'): Promise<ImportJob> {
  for (let i = 0; i < 1200; i++) {
    const job = await getJob(phone, id, lang);
    if (job.status !== 'validating' && job.status !== 'importing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not settle`);
}

async function dryRun(phone: string, kind: 'volunteers' | 'residents', file: Buffer, type = XLSX_CONTENT_TYPE) {
  const res = await upload(phone, kind, file, type);
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { id: string; status: string };
  expect(created.status).toBe('validating');
  return settle(phone, created.id);
}

async function commit(phone: string, id: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/commit`, headers: bearer(tokens[phone]!) });
  expect(res.statusCode, res.body).toBe(202);
  return settle(phone, id);
}

const problemsOf = (job: ImportJob): ExpectedProblem[] =>
  job.errors.map((e) => ({ line: e.line, field: e.field, code: e.code })).sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
const sorted = (p: ExpectedProblem[]) => [...p].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));

describe('import of a volunteer roster (xlsx, 1,000 rows, 37 bad)', () => {
  const roster = rosterWith37BadRows();
  let file: Buffer;
  let jobId: string;
  let volunteersBefore: number;

  beforeAll(async () => {
    file = await toXlsx(roster.header, roster.rows);
    volunteersBefore = await volunteerCount();
  });

  it('reports exactly the 37 bad rows with line, field and a Chinese reason, and imports nothing yet', async () => {
    const job = await dryRun(STREET_ADMIN, 'volunteers', file);
    jobId = job.id;
    expect(job).toMatchObject({
      status: 'validated',
      kind: 'volunteers',
      format: 'xlsx',
      total: 1000,
      processed: 1000,
      ok: 963,
      bad: 37,
      existing: 0,
      imported: 0,
      progress: 100,
    });
    expect(problemsOf(job)).toEqual(sorted(roster.bad));
    for (const e of job.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    const checksum = job.errors.find((e) => e.code === 'id_checksum')!;
    expect(checksum.message).toContain('校验位');
    expect(job.errors.find((e) => e.code === 'unknown_grid_code')!.message).toContain('XX-99');
    expect(job.errors.find((e) => e.code === 'duplicate_in_file')!.message).toMatch(/第 \d+ 行/);
    expect(await volunteerCount()).toBe(volunteersBefore);
  });

  it('gives the same report in Tibetan', async () => {
    const job = await getJob(STREET_ADMIN, jobId, 'bo');
    expect(problemsOf(job)).toEqual(sorted(roster.bad));
    for (const e of job.errors) expect(e.message).toMatch(/[\u0F00-\u0FFF]/);
    const zh = await getJob(STREET_ADMIN, jobId, 'zh-CN');
    expect(job.errors[0]!.message).not.toBe(zh.errors[0]!.message);
  });

  it('exports the report as CSV and xlsx in the caller’s language', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${jobId}/report?format=csv`,
      headers: { ...bearer(tokens[STREET_ADMIN]!), 'accept-language': 'en' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('line,column,code,problem');
    expect(lines).toHaveLength(38);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${jobId}/report?format=xlsx`,
      headers: bearer(tokens[STREET_ADMIN]!),
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(38);
  });

  it('imports the 963 good rows on commit: encrypted, masked, numbered, in their teams, audited', async () => {
    const auditBefore = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'import_job'`);
    const buguBefore = await count(sql`SELECT count(*)::int AS n FROM team_members WHERE team_id = 'team_bugu'`);
    const job = await commit(STREET_ADMIN, jobId);
    expect(job).toMatchObject({ status: 'done', imported: 963, unchanged: 0, progress: 100 });
    expect(job.finishedAt).not.toBeNull();
    expect(await volunteerCount()).toBe(volunteersBefore + 963);

    const id = roster.rows[0]![colOf('volunteers', 'idNumber')]!;
    const [p] = await queryRows<{
      id_number_enc: string;
      id_number_masked: string;
      phone_masked: string;
      phone_enc: string;
      gender: string;
      birth_date: string;
      volunteer_no: string;
    }>(
      t.db,
      sql`SELECT p.id_number_enc, p.id_number_masked, p.phone_masked, p.phone_enc, p.gender, p.birth_date::text AS birth_date, v.volunteer_no
          FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE p.id_number_hash = ${t.deps.crypto.blindIndex('id', id)}`,
    );
    expect(p!.id_number_enc).not.toContain(id);
    expect(t.deps.crypto.decrypt(p!.id_number_enc)).toBe(id);
    expect(p!.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(p!.phone_masked).toMatch(/^136\*{4}\d{4}$/);
    expect(p!.birth_date).toBe('1950-01-01');
    expect(p!.volunteer_no).toMatch(/^DD\d{4}-\d{5}$/);
    expect(await count(sql`SELECT count(DISTINCT volunteer_no)::int AS n FROM volunteers`)).toBe(volunteersBefore + 963);
    // Rows 3 and 4 of every 5 name "布谷响铃" (with ASCII or Chinese quotes), the bad ones excepted.
    const bugu = roster.rows.filter((r, i) => r[colOf('volunteers', 'team')] && !roster.bad.some((b) => b.line === i + 2)).length;
    expect(await count(sql`SELECT count(*)::int AS n FROM team_members WHERE team_id = 'team_bugu'`)).toBe(buguBefore + bugu);
    const audit = await queryRows<{ action: string; new_value: { personIds?: string[] } }>(
      t.db,
      sql`SELECT action, new_value FROM audit_log WHERE entity_type = 'import_job' AND entity_id = ${jobId} ORDER BY id`,
    );
    expect(audit.length).toBeGreaterThan(1);
    expect(audit.map((a) => a.action)).toContain('import.commit');
    expect(audit.filter((a) => a.action === 'import.volunteers').flatMap((a) => a.new_value.personIds ?? [])).toHaveLength(963);
    expect(JSON.stringify(audit)).not.toContain(id);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'import_job'`)).toBe(auditBefore + audit.length);
    const [rowsLeft] = await queryRows<{ rows_enc: string | null }>(t.db, sql`SELECT rows_enc FROM import_jobs WHERE id = ${jobId}`);
    expect(rowsLeft!.rows_enc).toBeNull();
  });

  it('refuses a second commit (409) and changes nothing', async () => {
    const before = await volunteerCount();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: bearer(tokens[STREET_ADMIN]!) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invalid_transition' });
    expect(await volunteerCount()).toBe(before);
  });

  it('imports nothing when the same file comes again: 963 unchanged', async () => {
    const before = await volunteerCount();
    const persons = await personCount();
    const job = await dryRun(STREET_ADMIN, 'volunteers', file);
    expect(job).toMatchObject({ status: 'validated', ok: 963, bad: 37, existing: 963 });
    const done = await commit(STREET_ADMIN, job.id);
    expect(done).toMatchObject({ status: 'done', imported: 0, unchanged: 963 });
    expect(await volunteerCount()).toBe(before);
    expect(await personCount()).toBe(persons);
  });
});

describe('import of a resident list (CSV, 200 rows, 12 bad)', () => {
  const list = residentListWith12BadRows();
  const file = toCsv(list.header, list.rows);

  it('reports the 12 bad rows, imports 188 residents in shared households, and a re-import changes nothing', async () => {
    const residentsBefore = await count(sql`SELECT count(*)::int AS n FROM persons WHERE is_resident`);
    const householdsBefore = await count(sql`SELECT count(*)::int AS n FROM households`);
    const job = await dryRun(SANGYI_ADMIN, 'residents', file, CSV_CONTENT_TYPE);
    expect(job).toMatchObject({ status: 'validated', format: 'csv', total: 200, ok: 188, bad: 12 });
    expect(problemsOf(job)).toEqual(sorted(list.bad));

    const done = await commit(SANGYI_ADMIN, job.id);
    expect(done).toMatchObject({ status: 'done', imported: 188, unchanged: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM persons WHERE is_resident`)).toBe(residentsBefore + 188);
    const households = (await count(sql`SELECT count(*)::int AS n FROM households`)) - householdsBefore;
    expect(households).toBeGreaterThanOrEqual(60);
    expect(households).toBeLessThanOrEqual(67);

    // Focus tags are stored as the seed stores them: a blind index answers ?tag=, the list decrypts them.
    const elderly = await count(
      sql`SELECT count(*)::int AS n FROM persons WHERE focus_tag_index @> ARRAY[${t.deps.crypto.blindIndex('focus', 'elderly')}]::text[] AND id_number_hash IS NOT NULL AND created_at > now() - interval '1 hour'`,
    );
    expect(elderly).toBeGreaterThan(40);
    const id = list.rows[3]![colOf('residents', 'idNumber')]!; // 残疾人, sensitive
    const [p] = await queryRows<{ focus_tags_enc: string; proxy_needed: boolean; household_id: string }>(
      t.db,
      sql`SELECT focus_tags_enc, proxy_needed, household_id FROM persons WHERE id_number_hash = ${t.deps.crypto.blindIndex('id', id)}`,
    );
    expect(JSON.parse(t.deps.crypto.decrypt(p!.focus_tags_enc))).toEqual(['disabled']);
    expect(p!.focus_tags_enc).not.toContain('disabled');
    const audit = await queryRows<{ new_value: { sensitiveTagRows: number } }>(
      t.db,
      sql`SELECT new_value FROM audit_log WHERE action = 'import.residents' AND entity_id = ${job.id}`,
    );
    expect(audit.reduce((s, a) => s + a.new_value.sensitiveTagRows, 0)).toBeGreaterThan(0);

    const again = await dryRun(SANGYI_ADMIN, 'residents', file, CSV_CONTENT_TYPE);
    expect(again).toMatchObject({ ok: 188, bad: 12, existing: 188 });
    const households2 = await count(sql`SELECT count(*)::int AS n FROM households`);
    expect(await commit(SANGYI_ADMIN, again.id)).toMatchObject({ status: 'done', imported: 0, unchanged: 188 });
    expect(await count(sql`SELECT count(*)::int AS n FROM households`)).toBe(households2);
  });
});

describe('import scope', () => {
  it('reports the 桑伊社区 rows of a 吉祥社区 admin’s file as out of scope and imports only the 吉祥 rows', async () => {
    const rows = volunteerRows(20, { offset: 3000, grids: [JIXIANG_GRIDS[0]!, SANGYI_GRIDS[1]!] });
    const job = await dryRun(JIXIANG_ADMIN, 'volunteers', toCsv(VOLUNTEER_HEADER, rows), CSV_CONTENT_TYPE);
    expect(job).toMatchObject({ total: 20, ok: 10, bad: 10 });
    expect(job.errors.every((e) => e.code === 'grid_out_of_scope' && e.field === 'gridCode' && e.message.includes('SY-02'))).toBe(true);
    expect(job.errors.map((e) => e.line)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    const before = await volunteerCount();
    expect(await commit(JIXIANG_ADMIN, job.id)).toMatchObject({ imported: 10 });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM persons WHERE grid_id = 'grid_sy_02' AND id_number_hash = ${t.deps.crypto.blindIndex('id', rows[1]![colOf('volunteers', 'idNumber')]!)}`,
      ),
    ).toBe(0);
    expect(await volunteerCount()).toBe(before + 10);
  });

  it('lets a grid worker import rows of their own grid only', async () => {
    const rows = volunteerRows(6, { offset: 3100, grids: ['SY-02', 'SY-03', 'JX-01'] });
    const job = await dryRun(GRID_WORKER_SY02, 'volunteers', toCsv(VOLUNTEER_HEADER, rows), 'text/csv; charset=utf-8');
    expect(job).toMatchObject({ format: 'csv', ok: 2, bad: 4 });
    expect(new Set(job.errors.map((e) => e.code))).toEqual(new Set(['grid_out_of_scope']));
  });

  it('refuses a volunteer (403) and creates no job', async () => {
    const before = await jobCount();
    const res = await upload(VOLUNTEER, 'volunteers', toCsv(VOLUNTEER_HEADER, volunteerRows(2, { offset: 3200 })), CSV_CONTENT_TYPE);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(await jobCount()).toBe(before);
  });

  it('hides a job from other staff (404) but not from the street admin; others cannot commit it', async () => {
    const job = await dryRun(
      SANGYI_ADMIN,
      'volunteers',
      toCsv(VOLUNTEER_HEADER, volunteerRows(2, { offset: 3300, grids: ['SY-01'] })),
      CSV_CONTENT_TYPE,
    );
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${job.id}`, headers: bearer(tokens[JIXIANG_ADMIN]!) });
    expect(other.statusCode).toBe(404);
    const before = await volunteerCount();
    const commitByOther = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${job.id}/commit`,
      headers: bearer(tokens[JIXIANG_ADMIN]!),
    });
    expect(commitByOther.statusCode).toBe(404);
    expect((await getJob(SANGYI_ADMIN, job.id)).status).toBe('validated');
    expect(await volunteerCount()).toBe(before);
    expect((await getJob(STREET_ADMIN, job.id)).id).toBe(job.id);
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/v1/imports?limit=200', headers: bearer(tokens[JIXIANG_ADMIN]!) })
    ).json() as { items: { id: string; createdBy: string }[] };
    expect(mine.items.some((i) => i.id === job.id)).toBe(false);
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/v1/imports?limit=200', headers: bearer(tokens[STREET_ADMIN]!) })
    ).json() as { items: { id: string }[] };
    expect(all.items.some((i) => i.id === job.id)).toBe(true);
  });
});

describe('import job lifecycle', () => {
  it('lets exactly one of two simultaneous commits start the import (the other 409)', async () => {
    const job = await dryRun(STREET_ADMIN, 'volunteers', toCsv(VOLUNTEER_HEADER, volunteerRows(30, { offset: 3700 })), CSV_CONTENT_TYPE);
    const before = await volunteerCount();
    const answers = await Promise.all(
      [1, 2].map(() => t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/commit`, headers: bearer(tokens[STREET_ADMIN]!) })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    expect(await settle(STREET_ADMIN, job.id)).toMatchObject({ status: 'done', imported: 30 });
    expect(await volunteerCount()).toBe(before + 30);
  });

  it('marks a job that stopped making progress in another process as interrupted', async () => {
    const job = await dryRun(STREET_ADMIN, 'volunteers', toCsv(VOLUNTEER_HEADER, volunteerRows(2, { offset: 3800 })), CSV_CONTENT_TYPE);
    await t.db.execute(sql`UPDATE import_jobs SET status = 'importing', updated_at = now() - interval '10 minutes' WHERE id = ${job.id}`);
    const stale = await getJob(STREET_ADMIN, job.id, 'en');
    expect(stale.status).toBe('failed');
    expect(stale.errors.at(-1)).toMatchObject({ field: 'file', code: 'interrupted' });
    expect(stale.errors.at(-1)!.message).toContain('upload the same file again');
    const [row] = await queryRows<{ rows_enc: string | null }>(t.db, sql`SELECT rows_enc FROM import_jobs WHERE id = ${job.id}`);
    expect(row!.rows_enc).toBeNull();
  });
});

describe('import files the server must refuse or explain', () => {
  it('answers 413 above 10 MB, 415 for other types, 400 for an empty or non-xlsx body; no job is created', async () => {
    const before = await jobCount();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const tooBig = await upload(STREET_ADMIN, 'volunteers', big, CSV_CONTENT_TYPE);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large' });
    expect((await upload(STREET_ADMIN, 'volunteers', Buffer.from('a,b'), 'text/plain')).statusCode).toBe(415);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=volunteers',
      headers: bearer(tokens[STREET_ADMIN]!),
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    expect((await upload(STREET_ADMIN, 'volunteers', Buffer.alloc(0), CSV_CONTENT_TYPE)).statusCode).toBe(400);
    const notXlsx = await upload(STREET_ADMIN, 'volunteers', Buffer.from('姓名,证件号码\n'), XLSX_CONTENT_TYPE);
    expect(notXlsx.statusCode).toBe(400);
    expect((await upload(STREET_ADMIN, 'people' as 'volunteers', Buffer.from('x'), CSV_CONTENT_TYPE)).statusCode).toBe(400);
    expect(await jobCount()).toBe(before);
  });

  it('fails a file without the required columns, naming them in the reader’s language', async () => {
    const job = await dryRun(
      STREET_ADMIN,
      'volunteers',
      toCsv(['姓名', '手机号', '备注'], [['扎西', '13600000001', '']]),
      CSV_CONTENT_TYPE,
    );
    expect(job.status).toBe('failed');
    expect(job.errors.map((e) => [e.field, e.code])).toEqual([
      ['idNumber', 'missing_column'],
      ['gridCode', 'missing_column'],
    ]);
    expect(job.errors[0]!.message).toContain('证件号码');
    expect((await getJob(STREET_ADMIN, job.id, 'en')).errors[0]!.message).toContain('idNumber');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/commit`, headers: bearer(tokens[STREET_ADMIN]!) });
    expect(res.statusCode).toBe(409);
  });

  it('fails a broken xlsx file as unreadable', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const job = await dryRun(STREET_ADMIN, 'volunteers', broken);
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.errors[0]).toMatchObject({ field: 'file', code: 'file_unreadable' });
  });

  it('finds the header under a title row, accepts English headers, and explains an ID number Excel stored as a number', async () => {
    const header = ['name', 'idNumber', 'phone', 'gridCode', 'skills', 'languages'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('roster');
    ws.addRow(['夺底街道志愿者花名册']);
    ws.addRow(header);
    ws.addRow(['次仁旺堆', residentId(3400), '13612345678', 'sy-01', 'repair, cooking', 'Tibetan']);
    ws.addRow([
      '格桑卓玛',
      Number('540124195001011235'), // an 18-digit ID typed as a number: Excel keeps 15 digits
      '13612345679',
      'SY-01',
      '',
      '',
    ]);
    ws.addRow(['达瓦', residentId(3401), '+86 136 1234 5670', 'SY-01', 'driving', '']);
    const job = await dryRun(STREET_ADMIN, 'volunteers', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job).toMatchObject({ status: 'validated', total: 3, ok: 2, bad: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ line: 4, field: 'idNumber', code: 'id_as_number' })]);
  });

  it('reads a CSV saved as GB18030 by Excel on a Chinese Windows', async () => {
    const utf8 = toCsv(VOLUNTEER_HEADER, volunteerRows(3, { offset: 3500 }))
      .toString('utf8')
      .replace(/^\ufeff/, '');
    // Node can decode GB18030 but not encode it: a tiny encoder for the characters of this file.
    const chars = [...new Set(Array.from(utf8).filter((ch) => ch.charCodeAt(0) > 127))];
    const table = new Map<string, Buffer>();
    for (let hi = 0x81; hi <= 0xfe && table.size < chars.length; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = new TextDecoder('gb18030').decode(Buffer.from([hi, lo]));
        if (chars.includes(ch) && !table.has(ch)) table.set(ch, Buffer.from([hi, lo]));
      }
    }
    const encoded = Buffer.concat(Array.from(utf8).map((ch) => table.get(ch) ?? Buffer.from(ch, 'utf8')));
    const job = await dryRun(STREET_ADMIN, 'volunteers', encoded, CSV_CONTENT_TYPE);
    expect(job).toMatchObject({ status: 'validated', total: 3, ok: 3, bad: 0 });
  });
});

describe('GET /api/v1/imports/template', () => {
  it('serves an xlsx template with Chinese headers, ID numbers as text and an instructions sheet', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/template?kind=volunteers&format=xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toContain('volunteers-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(VOLUNTEER_HEADER);
    expect(wb.worksheets[0]!.getColumn(colOf('volunteers', 'idNumber') + 1).numFmt).toBe('@');
    expect(wb.worksheets[1]!.rowCount).toBe(VOLUNTEER_HEADER.length + 1);
  });

  it('serves a CSV template in Tibetan and English that the import itself accepts', async () => {
    for (const lang of ['bo', 'en']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/imports/template?kind=residents&format=csv',
        headers: { 'accept-language': lang },
      });
      expect(res.statusCode).toBe(200);
      const header = res.body
        .replace(/^\ufeff/, '')
        .trim()
        .split(',');
      if (lang === 'bo') expect(header[0]).toMatch(/[\u0F00-\u0FFF]/);
      else expect(header).toContain('idNumber');
      const rows = [['次仁卓玛', '', '', residentId(3600 + header.length), '', '', 'SY-01', '桑伊路 1 号', '', '']];
      const job = await dryRun(SANGYI_ADMIN, 'residents', toCsv(header, rows), CSV_CONTENT_TYPE);
      expect(job).toMatchObject({ status: 'validated', ok: 1, bad: 0 });
    }
  });

  it('documents the import routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const p of [
      '/api/v1/imports',
      '/api/v1/imports/{id}',
      '/api/v1/imports/{id}/commit',
      '/api/v1/imports/template',
      '/api/v1/imports/{id}/report',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
