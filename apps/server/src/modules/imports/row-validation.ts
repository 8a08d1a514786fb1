/**
 * Pure checks of the rows of an import: the header row is matched to the columns of the kind
 * (Chinese, Tibetan or English names), each row becomes a normalized record or a list of problems.
 * No I/O: the grids, teams and scope the rows are checked against come in `RowContext`.
 */
import {
  CONTROL_CHARS,
  IMPORT_COLUMNS,
  IMPORT_ENUM_VALUES,
  IMPORT_VALUE_LABELS,
  MULTI_VALUE_SEPARATORS,
  ageOn,
  birthDateFromResidentId,
  genderFromResidentId,
  isPlausibleName,
  normalizeHeader,
  normalizeLabel,
  residentIdProblem,
  type FocusTag,
  type IdType,
  type ImportColumn,
  type ImportField,
  type ImportKind,
  type Skill,
  type SpokenLanguage,
} from '@duodi/contracts';
import { HEADER_SEARCH_ROWS, type SheetRow } from './spreadsheet.js';

export interface RowProblem {
  line: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface GridRef {
  id: string;
  code: string;
  communityId: string;
}

export interface RowContext {
  kind: ImportKind;
  /** Grids of the street by upper-case code. */
  grids: Map<string, GridRef>;
  /** Teams of the street by normalized name (Chinese, Tibetan, English). */
  teams: Map<string, string>;
  inScope: (grid: GridRef) => boolean;
  /** Today, for ages (DR-02) and birth dates in the future. */
  today: Date;
}

/** A row that passed every check, ready to insert (clear values: it is encrypted at rest until then). */
export interface ValidRow {
  line: number;
  name: string;
  nameBo: string | null;
  idType: IdType;
  idNumber: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  phone: string | null;
  gridId: string;
  communityId: string;
  skills: Skill[];
  languages: SpokenLanguage[];
  teamId: string | null;
  focusTags: FocusTag[];
  address: string | null;
  proxyNeeded: boolean;
}

export interface HeaderMap {
  /** The line of the header row. */
  line: number;
  /** Cell index → field. */
  columns: Map<number, ImportField>;
}

/** Team names compare without quotes of any kind, spaces and case: “布谷响铃”志愿服务队 = "布谷响铃"志愿服务队. */
export const normalizeTeamName = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/["'“”‘’「」『』《》\s]/gu, '')
    .toLowerCase();

function aliasesOf(column: ImportColumn): string[] {
  return [column.header['zh-CN'], column.header.bo, column.header.en, ...column.aliases].map(normalizeHeader);
}

/**
 * Finds the header row among the first rows (a title row may come first) and maps its cells to
 * fields. Returns the header and the required columns it lacks.
 */
export function matchHeader(kind: ImportKind, rows: SheetRow[]): { header: HeaderMap | null; missing: ImportColumn[] } {
  const columns = IMPORT_COLUMNS[kind];
  const lookup = new Map<string, ImportField>();
  for (const c of columns) for (const a of aliasesOf(c)) lookup.set(a, c.field);
  let best: HeaderMap | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const map = new Map<number, ImportField>();
    row.cells.forEach((cell, i) => {
      const field = lookup.get(normalizeHeader(cell));
      if (field && ![...map.values()].includes(field)) map.set(i, field);
    });
    if (map.size >= 2 && (!best || map.size > best.columns.size)) best = { line: row.line, columns: map };
  }
  const present = new Set(best ? best.columns.values() : []);
  return { header: best, missing: columns.filter((c) => c.required && !present.has(c.field)) };
}

type LabelTable = Record<string, readonly string[]>;

function labelLookup(table: LabelTable): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, labels] of Object.entries(table)) {
    map.set(normalizeLabel(code), code);
    for (const l of labels) map.set(normalizeLabel(l), code);
  }
  return map;
}

const LOOKUPS = {
  idType: labelLookup(IMPORT_VALUE_LABELS.idType),
  skills: labelLookup(IMPORT_VALUE_LABELS.skills),
  languages: labelLookup(IMPORT_VALUE_LABELS.languages),
  focusTags: labelLookup(IMPORT_VALUE_LABELS.focusTags),
  proxyNeeded: labelLookup(IMPORT_VALUE_LABELS.proxyNeeded),
};

// The label tables must name every value of the API enums (checked once at start-up).
for (const [field, values] of Object.entries(IMPORT_ENUM_VALUES)) {
  const table = IMPORT_VALUE_LABELS[field as keyof typeof IMPORT_ENUM_VALUES] as LabelTable;
  for (const v of values) if (!table[v]) throw new Error(`import labels: ${field}.${v} missing`);
}

/** Values shown in messages are cut short: the report must not echo a whole hostile cell. */
const shown = (v: string) => (Array.from(v).length > 40 ? `${Array.from(v).slice(0, 40).join('')}…` : v);

const PHONE = /^1[3-9]\d{9}$/;

function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(raw);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Checks rows one by one, remembering ID numbers already seen so that the second occurrence of an
 * ID in the file is reported (`duplicate_in_file`) and the first is kept.
 */
export function createRowValidator(ctx: RowContext, header: HeaderMap) {
  const columns = new Map(IMPORT_COLUMNS[ctx.kind].map((c) => [c.field, c]));
  const seen = new Map<string, number>();
  const today = ctx.today.toISOString().slice(0, 10);

  return function validate(row: SheetRow): { row: ValidRow | null; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const raw = new Map<ImportField, { text: string; inexact: boolean }>();
    for (const [i, field] of header.columns) raw.set(field, { text: row.cells[i] ?? '', inexact: row.inexact[i] ?? false });
    const problem = (field: ImportField, code: string, params?: Record<string, string | number>) =>
      problems.push({ line: row.line, field, code, ...(params ? { params } : {}) });

    /** The trimmed text of a column after the generic checks (required, length, control characters); null when empty or bad. */
    const text = (field: ImportField): string | null => {
      const column = columns.get(field);
      const value = raw.get(field)?.text.replace(/\s+/gu, ' ').trim() ?? '';
      if (!column) return null;
      if (value === '') {
        if (column.required) problem(field, 'required');
        return null;
      }
      if (Array.from(value).length > column.max) {
        problem(field, 'too_long', { max: column.max });
        return null;
      }
      if (CONTROL_CHARS.test(value)) {
        problem(field, 'invalid_characters');
        return null;
      }
      return value;
    };

    const oneOf = <T extends string>(field: 'idType' | 'proxyNeeded', value: string): T | null => {
      const code = LOOKUPS[field].get(normalizeLabel(value));
      if (!code) problem(field, 'unknown_value', { value: shown(value) });
      return (code as T | undefined) ?? null;
    };

    const manyOf = <T extends string>(field: 'skills' | 'languages' | 'focusTags'): T[] => {
      const value = text(field);
      if (!value) return [];
      const out: T[] = [];
      for (const part of value
        .split(MULTI_VALUE_SEPARATORS)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const code = LOOKUPS[field].get(normalizeLabel(part)) as T | undefined;
        if (!code) {
          problem(field, 'unknown_value', { value: shown(part) });
          return [];
        }
        if (!out.includes(code)) out.push(code);
      }
      return out;
    };

    const name = text('name');
    if (name && !isPlausibleName(name)) problem('name', 'invalid_characters');
    const nameBo = text('nameBo');
    if (nameBo && !isPlausibleName(nameBo)) problem('nameBo', 'invalid_characters');

    const idTypeText = text('idType');
    const idType: IdType | null = idTypeText ? oneOf<IdType>('idType', idTypeText) : 'resident_id';

    let idNumber: string | null = null;
    let birthDate: string | null = null;
    let gender: 'male' | 'female' | null = null;
    if (raw.get('idNumber')?.inexact) {
      problem('idNumber', 'id_as_number');
    } else {
      const value = text('idNumber')?.replace(/[\s-]/g, '').toUpperCase() ?? null;
      if (value && idType === 'resident_id') {
        const p = residentIdProblem(value);
        if (p) problem('idNumber', `id_${p}`);
        else {
          idNumber = value;
          birthDate = birthDateFromResidentId(value);
          gender = genderFromResidentId(value);
        }
      } else if (value && idType) {
        if (/^[A-Z0-9]{5,20}$/.test(value)) idNumber = value;
        else problem('idNumber', 'id_format');
      }
    }
    const birthText = text('birthDate');
    if (birthText && idType !== 'resident_id') {
      birthDate = parseDate(birthText);
      if (!birthDate || birthDate > today) problem('birthDate', 'invalid_date');
    }
    if (idNumber && idType !== 'resident_id' && !birthText && ctx.kind === 'volunteers') problem('birthDate', 'birth_date_required');
    // DR-02: a minor registers only with a guardian's recorded consent, which a roster cannot carry.
    if (ctx.kind === 'volunteers' && birthDate && ageOn(birthDate, ctx.today) < 18) {
      problem(idType === 'resident_id' ? 'idNumber' : 'birthDate', 'minor_needs_guardian');
    }

    let phone = text('phone');
    if (phone) {
      phone = phone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
      if (!PHONE.test(phone)) {
        problem('phone', 'phone_format');
        phone = null;
      }
    }

    let grid: GridRef | null = null;
    const gridCode = text('gridCode');
    if (gridCode) {
      grid = ctx.grids.get(gridCode.toUpperCase()) ?? null;
      if (!grid) problem('gridCode', 'unknown_grid_code', { value: shown(gridCode) });
      else if (!ctx.inScope(grid)) {
        problem('gridCode', 'grid_out_of_scope', { value: grid.code });
        grid = null;
      }
    }

    const skills = manyOf<Skill>('skills');
    const languages = manyOf<SpokenLanguage>('languages');
    const focusTags = manyOf<FocusTag>('focusTags');

    let teamId: string | null = null;
    const team = text('team');
    if (team) {
      teamId = ctx.teams.get(normalizeTeamName(team)) ?? null;
      if (!teamId) problem('team', 'unknown_team', { value: shown(team) });
    }

    const address = text('address');
    const proxyText = text('proxyNeeded');
    const proxyNeeded = proxyText ? oneOf<'yes' | 'no'>('proxyNeeded', proxyText) === 'yes' : false;

    if (problems.length > 0 || !name || !idNumber || !idType || !grid) return { row: null, problems };
    // The first good row of an ID number is kept; a later one is reported (DR-01: one person per ID).
    const first = seen.get(idNumber);
    if (first !== undefined) {
      problem('idNumber', 'duplicate_in_file', { line: first });
      return { row: null, problems };
    }
    seen.set(idNumber, row.line);
    return {
      row: {
        line: row.line,
        name,
        nameBo,
        idType,
        idNumber,
        birthDate,
        gender,
        phone,
        gridId: grid.id,
        communityId: grid.communityId,
        skills,
        languages,
        teamId,
        focusTags,
        address,
        proxyNeeded,
      },
      problems,
    };
  };
}
