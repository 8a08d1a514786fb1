import { z } from 'zod';
import { FOCUS_TAGS, LANGUAGES, SKILLS } from './enums.js';
import { ID_TYPES } from './people.js';
import { CONTROL_CHARS } from './residents.js';
import { IdSchema, PageQuerySchema } from './schemas.js';

/** What a file holds: a volunteer roster (志愿者花名册) or a resident list (居民名单). */
export const IMPORT_KINDS = ['volunteers', 'residents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** validating → validated → importing → done; failed when the file cannot be read or the work stopped. */
export const IMPORT_STATUSES = ['validating', 'validated', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv';

/** Largest file accepted by `POST /api/v1/imports` (413 above). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Largest number of data rows read from one file. */
export const IMPORT_MAX_ROWS = 50_000;

export type ImportField =
  | 'name'
  | 'nameBo'
  | 'idType'
  | 'idNumber'
  | 'birthDate'
  | 'phone'
  | 'gridCode'
  | 'skills'
  | 'languages'
  | 'team'
  | 'focusTags'
  | 'address'
  | 'proxyNeeded';

export interface ImportColumn {
  field: ImportField;
  required: boolean;
  /** Longest accepted value (characters, after trimming). */
  max: number;
  /** Header in the template of each language; every one of them (and `aliases`) is accepted. */
  header: { 'zh-CN': string; bo: string; en: string };
  aliases: readonly string[];
}

const col = (
  field: ImportField,
  required: boolean,
  max: number,
  zh: string,
  bo: string,
  en: string,
  ...aliases: string[]
): ImportColumn => ({
  field,
  required,
  max,
  header: { 'zh-CN': zh, bo, en },
  aliases: [field, ...aliases],
});

const NAME = col('name', true, 50, '姓名', 'མིང་།', 'name', '名字', '真实姓名');
const NAME_BO = col('nameBo', false, 80, '藏文名', 'བོད་ཡིག་མིང་།', 'nameBo', '藏文姓名', 'tibetan name');
const ID_TYPE = col('idType', false, 20, '证件类型', 'ལག་ཁྱེར་རིགས།', 'idType', 'id type');
const ID_NUMBER = col('idNumber', true, 30, '证件号码', 'ལག་ཁྱེར་ཨང་གྲངས།', 'idNumber', '身份证号', '身份证号码', '证件号', 'id number', 'id');
const BIRTH_DATE = col('birthDate', false, 10, '出生日期', 'སྐྱེས་ཚེས།', 'birthDate', 'birth date');
const PHONE = col('phone', true, 20, '手机号', 'ཁ་པར་ཨང་གྲངས།', 'phone', '手机', '手机号码', '联系电话', '电话', 'mobile');
const GRID = col('gridCode', true, 20, '网格编码', 'དྲ་མིག་ཨང་རྟགས།', 'gridCode', '网格', '网格编号', 'grid', 'grid code');
const SKILLS_COL = col('skills', false, 200, '技能', 'ལག་རྩལ།', 'skills', '特长', '服务技能');
const LANGUAGES_COL = col('languages', false, 100, '语言', 'སྐད་ཡིག', 'languages', '语种');
const TEAM = col('team', false, 100, '队伍', 'རུ་ཁག', 'team', '志愿服务队', '所属队伍');
const FOCUS = col('focusTags', false, 200, '重点人群', 'གཙོ་གནད་མི་སྡེ།', 'focusTags', '人群类别', 'focus tags', 'focus groups');
const ADDRESS = col('address', false, 200, '住址', 'སྡོད་གནས།', 'address', '地址', '家庭住址', '户籍地址');
const PROXY = col('proxyNeeded', false, 10, '代办', 'ཚབ་སྒྲུབ།', 'proxyNeeded', '需代办', 'proxy');

/** The columns of each kind, in template order (DR-01: the ID number is the key of a re-import). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  volunteers: [NAME, NAME_BO, ID_TYPE, ID_NUMBER, BIRTH_DATE, PHONE, GRID, SKILLS_COL, LANGUAGES_COL, TEAM],
  residents: [NAME, NAME_BO, ID_TYPE, ID_NUMBER, BIRTH_DATE, { ...PHONE, required: false }, GRID, ADDRESS, FOCUS, PROXY],
};

/** Lower-cased, without spaces, `*`, full-width colons and a trailing parenthesised note ("姓名（必填）"). */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]\s*$/u, '')
    .replace(/[\s*:：_\-།]/gu, '')
    .replace(/་+$/u, '');
}

/**
 * Accepted spellings of the values of enumerated columns: the code, and the label in zh-CN, bo
 * and en (as the web app shows them). Matching ignores case, spaces and a trailing shad.
 */
export const IMPORT_VALUE_LABELS = {
  idType: {
    resident_id: ['居民身份证', '身份证', 'ཐོ་འགོད་ལག་ཁྱེར།', 'ངོ་སྤྲོད་ལག་ཁྱེར།', 'resident id', 'id card'],
    passport: ['护照', 'སྤྱི་སྤྱོད་ལག་ཁྱེར།', 'passport'],
    hk_macao_pass: ['港澳通行证', 'ཞང་ཀང་དང་ཨོ་མོན་འགྲིམ་འགྲུལ་ལག་ཁྱེར།', 'hk macao pass'],
    other: ['其他', '其它', 'གཞན།', 'other'],
  },
  skills: {
    companionship: ['陪伴聊天', '陪伴', 'མཉམ་སྡོད་གླེང་མོལ།', 'companionship'],
    housework: ['家务', 'ཁྱིམ་ལས།', 'housework'],
    repair: ['维修', 'ཉམས་གསོ།', 'repair'],
    electrician: ['电工', 'གློག་བཟོ།', 'electrician'],
    medical: ['医疗护理', '医疗', '护理', 'སྨན་བཅོས་ནད་གཡོག', 'medical care', 'medical'],
    psychological: ['心理疏导', '心理咨询', 'སེམས་ཁམས་བློ་སྐྱེད།', 'psychological support'],
    legal: ['法律咨询', '法律', 'ཁྲིམས་ལུགས་བློ་འདྲི།', 'legal advice', 'legal'],
    mediation: ['调解', 'བར་འདུམ།', 'mediation'],
    tutoring: ['课业辅导', '辅导', 'སློབ་ཚན་རོགས་རམ།', 'tutoring'],
    translation: ['藏汉翻译', '翻译', 'བོད་རྒྱའི་ཡིག་སྒྱུར།', 'translation'],
    driving: ['驾驶', 'ཁ་ལོ་བསྒྱུར་བ།', 'driving'],
    cooking: ['烹饪', 'ཟས་བཟོ།', 'cooking'],
    haircut: ['理发', 'སྐྲ་བཅད།', 'haircut'],
    photography: ['摄影', 'པར་ལེན།', 'photography'],
    performance: ['文艺表演', '文艺', 'སྒྱུ་རྩལ་འཁྲབ་སྟོན།', 'performance'],
    patrol: ['巡逻', 'སྐོར་ཞིབ།', 'patrol'],
    cleaning: ['保洁', 'གཙང་སྦྲ།', 'cleaning'],
    computer: ['电脑', 'གློག་ཀླད།', 'computer'],
  },
  languages: {
    bo: ['藏语', '藏文', 'བོད་སྐད།', 'tibetan'],
    zh: ['汉语', '普通话', '中文', 'རྒྱ་སྐད།', 'chinese', 'mandarin'],
    en: ['英语', 'དབྱིན་སྐད།', 'english'],
    other: ['其他', '其它', 'གཞན།', 'other'],
  },
  focusTags: {
    elderly: ['老年人', '老', 'རྒན་འཁོགས།', 'elderly'],
    child: ['儿童', '小', 'བྱིས་པ།', 'child'],
    new_employment: ['新就业群体', '新', 'ལས་རིགས་གསར་པའི་མི་སྡེ།', 'new employment group', 'new employment'],
    disabled: ['残疾人', '残', 'དབང་པོ་སྐྱོན་ཅན།', 'disabled'],
    left_behind_child: ['留守儿童', '留守', 'ཕྱིར་ལུས་བྱིས་པ།', 'left-behind child', 'left behind child'],
    living_alone: ['独居', '独居老人', 'གཅིག་པུར་སྡོད་མཁན།', 'living alone'],
  },
  proxyNeeded: {
    yes: ['是', '需要', 'ཡིན།', 'ཡོད།', 'yes', 'y', 'true', '1', '√', '✓'],
    no: ['否', '不需要', 'མིན།', 'མེད།', 'no', 'n', 'false', '0'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** Values of the enumerated columns, kept in step with the enums of the API. */
export const IMPORT_ENUM_VALUES = {
  idType: ID_TYPES,
  skills: SKILLS,
  languages: LANGUAGES,
  focusTags: FOCUS_TAGS,
} as const;

/** How a value is matched against the labels above. */
export const normalizeLabel = (raw: string) =>
  raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-།༎]+/gu, ' ')
    .trim()
    .replace(/་+$/u, '');

/** Multi-value cells: 陪伴聊天、维修 / companionship, repair / one per line. */
export const MULTI_VALUE_SEPARATORS = /[,，、;；|/\n]+/u;

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR first) gets
 * a leading apostrophe when written to an export, so it shows as text (CSV/formula injection).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/* ---------- API schemas ---------- */

export const ImportKindQuerySchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  /** Shown in the job list; the body is the raw file, so its name travels here (optional). */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'invalid_characters' })
    .optional(),
});

export const ImportTemplateQuerySchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(IMPORT_FORMATS).default('xlsx'),
});

export const ImportReportQuerySchema = z.strictObject({ format: z.enum(IMPORT_FORMATS).default('xlsx') });

export const ImportListQuerySchema = PageQuerySchema.extend({ kind: z.enum(IMPORT_KINDS).optional() });

export const ImportCreatedSchema = z.object({ id: IdSchema, status: z.enum(IMPORT_STATUSES) });
export type ImportCreated = z.infer<typeof ImportCreatedSchema>;

/** One problem of one row: `line` is the row number a spreadsheet shows (the header is line 1). */
export const ImportRowErrorSchema = z.object({
  line: z.number().int().min(0),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/**
 * An import job: the dry run's report (`validated`), then the import's progress. Counts:
 * `total` data rows, `processed` rows checked so far, `ok` / `bad` rows, `existing` valid rows whose
 * person is already registered (they will be `unchanged`), and after the commit `imported` and
 * `unchanged`. `progress` is 0–100 for the current phase.
 */
export const ImportJobSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string().nullable(),
  fileHash: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  ok: z.number().int(),
  bad: z.number().int(),
  existing: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  progress: z.number().int().min(0).max(100),
  errors: z.array(ImportRowErrorSchema),
  /** More problems than the report keeps (the counts stay exact). */
  errorsTruncated: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  validatedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportJobListItemSchema = ImportJobSchema.omit({ errors: true });
export type ImportJobListItem = z.infer<typeof ImportJobListItemSchema>;
