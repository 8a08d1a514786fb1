import crypto from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_VALUE_LABELS,
  isSensitiveFocusTag,
  maskIdNumber,
  maskPhone,
  type ImportCreated,
  type ImportFormat,
  type ImportJob,
  type ImportJobListItem,
  type ImportKind,
  type UiLang,
} from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import type { StoredRowError } from '../../schema/index.js';
import { encodeFocusTags } from '../residents/index.js';
import { formatVolunteerNo } from '../volunteers/index.js';
import * as repo from './imports.repository.js';
import { canSeeJob, importScopeOf, rowInScope } from './imports.policy.js';
import { columnLabel, presentJob, presentJobSummary, presentRowError } from './imports.presenter.js';
import { createRowValidator, matchHeader, normalizeTeamName, type GridRef, type RowProblem, type ValidRow } from './row-validation.js';
import { FileProblem, readSheet, writeCsv, writeXlsx, type SheetOut } from './spreadsheet.js';
import { nameInitialsOf } from '../../platform/text/name-initials.js';

/** Rows written per transaction of a commit: small enough that progress moves and other requests get through. */
export const COMMIT_CHUNK = 250;
/** Rows checked between two progress updates of a dry run. */
const VALIDATE_BATCH = 1000;
/** The report keeps this many problems; the counts stay exact. */
export const MAX_STORED_ERRORS = 5000;
/** A job still "running" with no progress for this long, and not running in this process, was interrupted. */
const STALE_MS = 2 * 60_000;

/* ---------- background work ---------- */

const running = new Map<string, Promise<void>>();

export type BackgroundErrorSink = (jobId: string, err: unknown) => void;

function startInBackground(jobId: string, work: () => Promise<void>, onError: BackgroundErrorSink) {
  const p = work()
    .catch((err: unknown) => onError(jobId, err))
    .finally(() => running.delete(jobId));
  running.set(jobId, p);
}

/** Waits for the dry runs and commits still running in this process (graceful shutdown, tests). */
export async function drainImportWork(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

async function failJob(deps: Deps, jobId: string, from: 'validating' | 'importing', errors: StoredRowError[]) {
  await repo.updateJob(deps.db, jobId, from, { status: 'failed', errors, rowsEnc: null, finishedAt: deps.now() });
}

/* ---------- upload and dry run ---------- */

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Takes an uploaded roster or resident list and starts its dry run in the background: every row is
 * checked (required fields, ID number, phone, grid and scope, catalog values, duplicates in the
 * file) and the report is kept on the job. Nothing is imported until the commit.
 * @throws unauthenticated | forbidden | validation_failed (empty or not an xlsx file)
 */
export async function startImport(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { kind: ImportKind; format: ImportFormat; fileName?: string; file: Buffer; onError: BackgroundErrorSink },
): Promise<ImportCreated> {
  const actor = requireActor(actorOrNone);
  const scope = importScopeOf(actor);
  if (input.file.length === 0) throw new AppError('validation_failed', {}, { fields: [{ field: 'body', key: 'required' }] });
  if (input.format === 'xlsx' && (input.file.length < 4 || input.file.readUInt32LE(0) !== 0x04034b50)) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'body', key: 'file_unreadable' }] });
  }
  const job = await repo.insertJob(deps.db, {
    id: `imp_${crypto.randomUUID()}`,
    streetId: actor.streetId,
    kind: input.kind,
    format: input.format,
    fileName: input.fileName ?? null,
    fileHash: sha256(input.file),
    fileSize: input.file.length,
    createdBy: actor.accountId,
    createdAt: deps.now(),
  });
  const file = input.file;
  startInBackground(
    job.id,
    async () => {
      try {
        await validateFile(deps, { jobId: job.id, streetId: actor.streetId, kind: input.kind, format: input.format }, file, (g) =>
          rowInScope(scope, g),
        );
      } catch (err) {
        await failJob(deps, job.id, 'validating', [{ line: 0, field: 'file', code: 'import_failed' }]).catch(() => undefined);
        throw err;
      }
    },
    input.onError,
  );
  return { id: job.id, status: job.status };
}

async function validateFile(
  deps: Deps,
  job: { jobId: string; streetId: string; kind: ImportKind; format: ImportFormat },
  file: Buffer,
  inScope: (g: GridRef) => boolean,
) {
  let sheet;
  try {
    sheet = await readSheet(job.format, file, IMPORT_MAX_ROWS);
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    return failJob(deps, job.jobId, 'validating', [{ line: 0, field: 'file', code: err.code, params: err.params }]);
  }
  const { header, missing } = matchHeader(job.kind, sheet);
  if (!header || missing.length > 0) {
    const columns = header ? missing : IMPORT_COLUMNS[job.kind].filter((c) => c.required);
    return failJob(
      deps,
      job.jobId,
      'validating',
      columns.map((c) => ({ line: header?.line ?? 1, field: c.field, code: 'missing_column', params: { column: c.field } })),
    );
  }
  const rows = sheet.filter((r) => r.line > header.line);
  if (rows.length === 0) return failJob(deps, job.jobId, 'validating', [{ line: 0, field: 'file', code: 'no_rows' }]);
  if (rows.length > IMPORT_MAX_ROWS)
    return failJob(deps, job.jobId, 'validating', [{ line: 0, field: 'file', code: 'too_many_rows', params: { max: IMPORT_MAX_ROWS } }]);

  const [gridRows, teamRows] = await Promise.all([
    repo.listGridsOfStreet(deps.db, job.streetId),
    repo.listTeamsOfStreet(deps.db, job.streetId),
  ]);
  const teams = new Map<string, string>();
  for (const t of teamRows) for (const n of [t.name, t.nameBo, t.nameEn]) if (n) teams.set(normalizeTeamName(n), t.id);
  const validate = createRowValidator(
    { kind: job.kind, grids: new Map(gridRows.map((g) => [g.code.toUpperCase(), g])), teams, inScope, today: deps.now() },
    header,
  );
  await repo.updateJob(deps.db, job.jobId, 'validating', { total: rows.length });

  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  let bad = 0;
  for (let i = 0; i < rows.length; i += VALIDATE_BATCH) {
    for (const row of rows.slice(i, i + VALIDATE_BATCH)) {
      const result = validate(row);
      if (result.row) valid.push(result.row);
      else {
        bad++;
        if (problems.length < MAX_STORED_ERRORS) problems.push(...result.problems);
      }
    }
    const processed = Math.min(i + VALIDATE_BATCH, rows.length);
    if (processed < rows.length) {
      await repo.updateJob(deps.db, job.jobId, 'validating', { processed });
      await yieldToEventLoop();
    }
  }

  // Valid rows whose person is registered already: the commit will count them as unchanged.
  const hashes = valid.map((r) => deps.crypto.blindIndex('id', r.idNumber));
  let existing = 0;
  for (let i = 0; i < hashes.length; i += 1000)
    existing += (await repo.existingIdHashes(deps.db, job.streetId, hashes.slice(i, i + 1000))).size;

  await repo.updateJob(deps.db, job.jobId, 'validating', {
    status: 'validated',
    processed: rows.length,
    ok: valid.length,
    bad,
    existing,
    errors: problems.slice(0, MAX_STORED_ERRORS),
    errorsTruncated: problems.length > MAX_STORED_ERRORS,
    // DR-21: the rows hold ID numbers and phones; at rest they are one ciphertext until the commit.
    rowsEnc: valid.length > 0 ? deps.crypto.encrypt(JSON.stringify(valid)) : null,
    validatedAt: deps.now(),
  });
}

/* ---------- reading jobs ---------- */

async function visibleJob(deps: Deps, actor: Actor, id: string) {
  const job = await repo.findJob(deps.db, actor.streetId, id);
  if (!job || !canSeeJob(actor, job)) throw new AppError('not_found');
  if (
    (job.status === 'validating' || job.status === 'importing') &&
    !running.has(job.id) &&
    deps.now().getTime() - job.updatedAt.getTime() > STALE_MS
  ) {
    // The process that ran it stopped (restart, crash): people imported so far stay; a new upload of the same file finishes the work.
    await failJob(deps, job.id, job.status, [...job.errors, { line: 0, field: 'file', code: 'interrupted' }]);
    return (await repo.findJob(deps.db, actor.streetId, id))!;
  }
  return job;
}

/**
 * An import job with its progress and its report, the problems in the reader's language.
 * @throws unauthenticated | forbidden | not_found
 */
export async function getImport(deps: Deps, actorOrNone: Actor | undefined, input: { id: string; lang: UiLang }): Promise<ImportJob> {
  const actor = requireActor(actorOrNone);
  importScopeOf(actor);
  return presentJob(await visibleJob(deps, actor, input.id), input.lang);
}

/**
 * The caller's import jobs (a street admin sees the street's), newest first.
 * @throws unauthenticated | forbidden | validation_failed (cursor)
 */
export async function listImports(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { kind?: ImportKind; limit: number; cursor?: string },
): Promise<{ items: ImportJobListItem[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  importScopeOf(actor);
  const after = decodeCursor(input.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listJobs(deps.db, {
    streetId: actor.streetId,
    ...(actor.assignments.some((a) => a.role === 'street_admin') ? {} : { createdBy: actor.accountId }),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(after ? { after } : {}),
    limit: input.limit,
  });
  const page = pageFrom(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(presentJobSummary), nextCursor: page.nextCursor };
}

/* ---------- commit ---------- */

/**
 * Imports the valid rows of a validated job in the background, a few hundred per transaction.
 * People whose ID number is registered already are skipped and counted as unchanged, so importing
 * the same file again changes nothing. A second commit is refused.
 * @throws unauthenticated | forbidden | not_found | invalid_transition
 */
export async function commitImport(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { id: string; onError: BackgroundErrorSink },
): Promise<ImportCreated> {
  const actor = requireActor(actorOrNone);
  importScopeOf(actor);
  const job = await visibleJob(deps, actor, input.id);
  const claimed = await withTransaction(deps.db, (tx) =>
    repo.updateJob(tx, job.id, 'validated', { status: 'importing', startedAt: deps.now() }),
  );
  if (!claimed) {
    const now = await repo.findJob(deps.db, actor.streetId, job.id);
    throw new AppError('invalid_transition', { from: now?.status ?? job.status, action: 'commit' });
  }
  startInBackground(
    job.id,
    async () => {
      try {
        await commitRows(deps, actor, job);
      } catch (err) {
        await failJob(deps, job.id, 'importing', [...job.errors, { line: 0, field: 'file', code: 'import_failed' }]).catch(() => undefined);
        throw err;
      }
    },
    input.onError,
  );
  return { id: job.id, status: 'importing' };
}

async function commitRows(deps: Deps, actor: Actor, job: repo.ImportJobRow) {
  const rows: ValidRow[] = job.rowsEnc ? (JSON.parse(deps.crypto.decrypt(job.rowsEnc)) as ValidRow[]) : [];
  let imported = 0;
  let unchanged = 0;
  for (let i = 0; i < rows.length; i += COMMIT_CHUNK) {
    const chunk = rows.slice(i, i + COMMIT_CHUNK);
    const write = () =>
      withTransaction(deps.db, async (tx) => {
        const result =
          job.kind === 'volunteers' ? await insertVolunteerRows(tx, deps, actor, chunk) : await insertResidentRows(tx, deps, actor, chunk);
        if (!(await repo.addCommitProgress(tx, job.id, { imported: result.personIds.length, unchanged: result.unchanged }))) {
          throw new AppError('conflict', { reason: 'job_not_importing' });
        }
        if (result.personIds.length > 0) {
          await appendAudit(tx, {
            streetId: actor.streetId,
            actorAccountId: actor.accountId,
            action: job.kind === 'volunteers' ? 'import.volunteers' : 'import.residents',
            entityType: 'import_job',
            entityId: job.id,
            newValue: {
              lines: [chunk[0]!.line, chunk[chunk.length - 1]!.line],
              personIds: result.personIds,
              unchanged: result.unchanged,
              sensitiveTagRows: result.sensitiveTagRows,
            },
            reason: `import ${job.id}`,
          });
        }
        return result;
      });
    let result;
    try {
      result = await write();
    } catch (err) {
      // Someone registered one of these ID numbers meanwhile: the retry sees them and skips them.
      if (uniqueViolation(err) === undefined) throw err;
      result = await write();
    }
    imported += result.personIds.length;
    unchanged += result.unchanged;
    await yieldToEventLoop();
  }
  await withTransaction(deps.db, async (tx) => {
    const done = await repo.updateJob(tx, job.id, 'importing', { status: 'done', rowsEnc: null, finishedAt: deps.now() });
    if (!done) throw new AppError('conflict', { reason: 'job_not_importing' });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'import.commit',
      entityType: 'import_job',
      entityId: job.id,
      newValue: { kind: job.kind, fileHash: job.fileHash, total: job.total, bad: job.bad, imported, unchanged },
    });
  });
}

interface ChunkResult {
  personIds: string[];
  unchanged: number;
  sensitiveTagRows: number;
}

function sealedPerson(deps: Deps, r: ValidRow) {
  return {
    name: r.name,
    nameInitials: nameInitialsOf(r.name),
    nameBo: r.nameBo,
    gender: r.gender,
    birthYear: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
    birthDate: r.birthDate,
    phoneEnc: r.phone ? deps.crypto.encrypt(r.phone) : null,
    phoneHash: r.phone ? deps.crypto.blindIndex('phone', r.phone) : null,
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    idType: r.idType,
    idNumberEnc: deps.crypto.encrypt(r.idNumber),
    idNumberHash: deps.crypto.blindIndex('id', r.idNumber),
    idNumberMasked: maskIdNumber(r.idNumber),
    communityId: r.communityId,
    gridId: r.gridId,
  };
}

/** Volunteers: a person (not a resident of a household) + a volunteer with the next numbers + team membership. */
async function insertVolunteerRows(tx: Tx, deps: Deps, actor: Actor, rows: ValidRow[]): Promise<ChunkResult> {
  const now = deps.now();
  const hashes = rows.map((r) => deps.crypto.blindIndex('id', r.idNumber));
  const existing = await repo.existingIdHashes(tx, actor.streetId, hashes);
  const fresh = rows.filter((_, i) => !existing.has(hashes[i]!));
  if (fresh.length === 0) return { personIds: [], unchanged: rows.length, sensitiveTagRows: 0 };
  const firstSerial = await repo.takeVolunteerSerials(tx, actor.streetId, fresh.length);
  const year = String(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()); // Asia/Shanghai
  const people = fresh.map((r, i) => ({
    r,
    personId: `per_${crypto.randomUUID()}`,
    volunteerId: `vol_${crypto.randomUUID()}`,
    volunteerNo: formatVolunteerNo(year, firstSerial + i),
  }));
  await repo.insertPersons(
    tx,
    people.map(({ r, personId }) => ({
      id: personId,
      streetId: actor.streetId,
      ...sealedPerson(deps, r),
      isResident: false,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await repo.insertVolunteers(
    tx,
    people.map(({ r, personId, volunteerId, volunteerNo }) => ({
      id: volunteerId,
      streetId: actor.streetId,
      personId,
      volunteerNo,
      skills: r.skills,
      languages: r.languages,
      registeredAt: now,
    })),
  );
  await repo.insertTeamMembers(
    tx,
    people
      .filter(({ r }) => r.teamId)
      .map(({ r, volunteerId }) => ({ teamId: r.teamId!, volunteerId, streetId: actor.streetId, role: 'member' as const, joinedAt: now })),
  );
  return { personIds: people.map((p) => p.personId), unchanged: rows.length - fresh.length, sensitiveTagRows: 0 };
}

/** Residents: households found by grid and address (or created), persons with encrypted focus tags. */
async function insertResidentRows(tx: Tx, deps: Deps, actor: Actor, rows: ValidRow[]): Promise<ChunkResult> {
  const now = deps.now();
  const hashes = rows.map((r) => deps.crypto.blindIndex('id', r.idNumber));
  const existing = await repo.existingIdHashes(tx, actor.streetId, hashes);
  const fresh = rows.filter((_, i) => !existing.has(hashes[i]!));
  if (fresh.length === 0) return { personIds: [], unchanged: rows.length, sensitiveTagRows: 0 };

  const key = (gridId: string, address: string) => `${gridId}\u0000${address}`;
  const households = new Map<string, string>();
  const wanted = fresh.filter((r) => r.address).map((r) => ({ gridId: r.gridId, address: r.address! }));
  for (const h of await repo.findHouseholds(tx, actor.streetId, wanted))
    if (!households.has(key(h.gridId, h.address))) households.set(key(h.gridId, h.address), h.id);
  const newHouseholds: { id: string; streetId: string; communityId: string; gridId: string; address: string; createdAt: Date }[] = [];
  for (const r of fresh) {
    if (!r.address || households.has(key(r.gridId, r.address))) continue;
    const id = `hh_${crypto.randomUUID()}`;
    households.set(key(r.gridId, r.address), id);
    newHouseholds.push({ id, streetId: actor.streetId, communityId: r.communityId, gridId: r.gridId, address: r.address, createdAt: now });
  }
  await repo.insertHouseholds(tx, newHouseholds);
  const people = fresh.map((r) => ({ r, personId: `per_${crypto.randomUUID()}` }));
  await repo.insertPersons(
    tx,
    people.map(({ r, personId }) => ({
      id: personId,
      streetId: actor.streetId,
      ...sealedPerson(deps, r),
      householdId: r.address ? households.get(key(r.gridId, r.address))! : null,
      isResident: true,
      ...encodeFocusTags(deps, r.focusTags),
      proxyNeeded: r.proxyNeeded,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return {
    personIds: people.map((p) => p.personId),
    unchanged: rows.length - fresh.length,
    sensitiveTagRows: fresh.filter((r) => r.focusTags.some(isSensitiveFocusTag)).length,
  };
}

/* ---------- templates and reports ---------- */

const VALUE_FIELDS = ['idType', 'skills', 'languages', 'focusTags', 'proxyNeeded'] as const;

/** The allowed values of an enumerated column as the template explains them: "label (code)". */
function allowedValues(field: (typeof VALUE_FIELDS)[number], lang: UiLang): string {
  const table = IMPORT_VALUE_LABELS[field] as Record<string, readonly string[]>;
  return Object.entries(table)
    .map(([code, labels]) => {
      // zh label first in each list; the Tibetan label is the one in Tibetan script; English last.
      const label = lang === 'bo' ? labels.find((l) => /[\u0F00-\u0FFF]/.test(l)) : lang === 'en' ? labels[labels.length - 1] : labels[0];
      return `${label ?? code} (${code})`;
    })
    .join('、');
}

const TEMPLATE_TEXT: Record<
  UiLang,
  { sheet: string; notes: string; column: string; required: string; yes: string; no: string; rule: string }
> = {
  'zh-CN': { sheet: '数据', notes: '填写说明', column: '列', required: '必填', yes: '是', no: '否', rule: '填写要求与可选值' },
  bo: {
    sheet: 'གཞི་གྲངས།',
    notes: 'འབྲི་སྟངས་གསལ་བཤད།',
    column: 'ཕྲེང་།',
    required: 'ངེས་པར་འབྲི་དགོས།',
    yes: 'ཡིན།',
    no: 'མིན།',
    rule: 'འབྲི་སྟངས་དང་འདེམས་ཆོག་པའི་གྲངས་ཐང་།',
  },
  en: {
    sheet: 'data',
    notes: 'instructions',
    column: 'column',
    required: 'required',
    yes: 'yes',
    no: 'no',
    rule: 'format and allowed values',
  },
};

const FORMAT_RULES: Record<UiLang, Partial<Record<string, string>>> = {
  'zh-CN': {
    name: '不超过 50 字',
    idNumber: '居民身份证 18 位（最后一位可为 X），请设为文本格式；重复导入以证件号码识别，已登记的人员不会重复导入',
    birthDate: '非居民身份证时填写，格式 YYYY-MM-DD',
    phone: '11 位手机号',
    gridCode: '网格编码，如 SY-02',
    team: '队伍全称，如“布谷响铃”志愿服务队',
    address: '同一网格内地址相同的居民归为同一户',
    multi: '多个值用顿号或逗号分隔',
  },
  bo: {
    name: 'ཡིག་འབྲུ་ 50 ལས་མི་བརྒལ།',
    idNumber: 'སྤྱི་དམངས་ངོ་སྤྲོད་ལག་ཁྱེར་ཨང་ 18（མཐའ་མ་ X ཡིན་ཆོག）ཡི་གེའི་རྣམ་གཞག་ཏུ་བཟོ་རོགས།',
    birthDate: 'སྤྱི་དམངས་ངོ་སྤྲོད་ལག་ཁྱེར་མིན་ན་འབྲི་དགོས། YYYY-MM-DD',
    phone: 'ལག་ཐོགས་ཁ་པར་ཨང་ 11',
    gridCode: 'དྲ་མིག་ཨང་རྟགས། དཔེར་ན་ SY-02',
    team: 'རུ་ཁག་གི་མིང་ཆ་ཚང་།',
    address: 'དྲ་མིག་གཅིག་གི་སྡོད་གནས་གཅིག་པའི་མི་རྣམས་ཁྱིམ་ཚང་གཅིག་ཡིན།',
    multi: 'གྲངས་ཐང་མང་པོ་ཡོད་ན་ “、” ཡང་ན་ “,” ཡིས་དབྱེ།',
  },
  en: {
    name: 'at most 50 characters',
    idNumber:
      'resident ID: 18 characters (the last may be X); format the column as text. A re-import recognises people by ID number and never adds them twice',
    birthDate: 'for ID types other than the resident ID, YYYY-MM-DD',
    phone: '11-digit mobile number',
    gridCode: 'grid code, e.g. SY-02',
    team: 'the full team name, e.g. "布谷响铃"志愿服务队',
    address: 'residents of one grid at the same address form one household',
    multi: 'separate several values with 、 or a comma',
  },
};

/**
 * The import template of a kind in the caller's language: the header row (xlsx: with an
 * instructions sheet and ID numbers formatted as text; CSV: UTF-8 with BOM).
 */
export async function importTemplate(input: {
  kind: ImportKind;
  format: ImportFormat;
  lang: UiLang;
}): Promise<{ body: Buffer; fileName: string }> {
  const columns = IMPORT_COLUMNS[input.kind];
  const header = columns.map((c) => c.header[input.lang]);
  const base = `${input.kind}-template`;
  if (input.format === 'csv') return { body: writeCsv({ name: input.kind, header, rows: [] }), fileName: `${base}.csv` };
  const t = TEMPLATE_TEXT[input.lang];
  const rules = FORMAT_RULES[input.lang];
  const notes = columns.map((c) => {
    const values = (VALUE_FIELDS as readonly string[]).includes(c.field)
      ? [
          allowedValues(c.field as (typeof VALUE_FIELDS)[number], input.lang),
          ['skills', 'languages', 'focusTags'].includes(c.field) ? rules.multi : undefined,
        ]
      : [rules[c.field]];
    return [c.header[input.lang], c.required ? t.yes : t.no, values.filter(Boolean).join('；')];
  });
  const sheets: SheetOut[] = [
    {
      name: t.sheet,
      header,
      rows: [],
      textColumns: columns.map((c, i) => (['idNumber', 'phone', 'gridCode', 'birthDate'].includes(c.field) ? i : -1)).filter((i) => i >= 0),
    },
    { name: t.notes, header: [t.column, t.required, t.rule], rows: notes },
  ];
  return { body: await writeXlsx(sheets), fileName: `${base}.xlsx` };
}

const REPORT_HEADER: Record<UiLang, string[]> = {
  'zh-CN': ['行号', '列', '代码', '问题'],
  bo: ['ཐིག་ཕྲེང་།', 'ཕྲེང་།', 'ཨང་རྟགས།', 'གནད་དོན།'],
  en: ['line', 'column', 'code', 'problem'],
};

/**
 * The dry run's problems as a spreadsheet to fix the file with (values that look like formulas
 * are neutralised).
 * @throws unauthenticated | forbidden | not_found
 */
export async function importReport(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { id: string; format: ImportFormat; lang: UiLang },
): Promise<{ body: Buffer; fileName: string }> {
  const actor = requireActor(actorOrNone);
  importScopeOf(actor);
  const job = await visibleJob(deps, actor, input.id);
  const rows = job.errors.map((e) => {
    const p = presentRowError(job.kind, e, input.lang);
    return [p.line, columnLabel(job.kind, p.field, input.lang), p.code, p.message];
  });
  const sheet: SheetOut = {
    name: input.lang === 'en' ? 'problems' : input.lang === 'bo' ? 'གནད་དོན།' : '问题',
    header: REPORT_HEADER[input.lang],
    rows,
  };
  const base = `import-${job.id}-report`;
  return input.format === 'csv'
    ? { body: writeCsv(sheet), fileName: `${base}.csv` }
    : { body: await writeXlsx([sheet]), fileName: `${base}.xlsx` };
}
