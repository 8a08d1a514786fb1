import type {
  DeletionRequest,
  FocusTag,
  IdType,
  ImportField,
  ImportKind,
  PartyMemberStatus,
  PartyReportStatus,
  RecoveryStatus,
  TeamApplicationStatus,
  TeamLogoType,
} from '@duodi/contracts';

/*
 * Values of the contracts that live in files which also build zod schemas (people, teams, residents,
 * imports). Importing a value from such a file would bring its schemas and zod (≈ 23 kB gzip) into the
 * page, so the web app keeps its own copies here; `contract-values.test.ts` checks they equal the
 * contracts', so a change there fails the web tests instead of drifting.
 */

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_pass', 'other'] as const satisfies readonly IdType[];

export const DELETION_STATUSES = ['pending', 'completed'] as const satisfies readonly DeletionRequest['status'][];

export const RECOVERY_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'superseded'] as const satisfies readonly RecoveryStatus[];

export const TEAM_APPLICATION_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
] as const satisfies readonly TeamApplicationStatus[];

export const PARTY_REPORT_STATUSES = ['pending', 'confirmed', 'rejected', 'superseded'] as const satisfies readonly PartyReportStatus[];

export const PARTY_MEMBER_STATUSES = ['active', 'no_service', 'not_reported'] as const satisfies readonly PartyMemberStatus[];

/** Team logos: PNG, JPEG or WebP, at most 512 KB (the server checks the magic bytes). */
export const TEAM_LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const satisfies readonly TeamLogoType[];
export const TEAM_LOGO_MAX_BYTES = 512 * 1024;

/** Focus tags that are sensitive personal information: setting or removing one needs a reason. */
export const SENSITIVE_FOCUS_TAGS = ['disabled', 'child', 'left_behind_child'] as const satisfies readonly FocusTag[];
export const isSensitiveFocusTag = (tag: FocusTag) => (SENSITIVE_FOCUS_TAGS as readonly FocusTag[]).includes(tag);

export const IMPORT_KINDS = ['volunteers', 'residents'] as const satisfies readonly ImportKind[];
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The fields of import rows (their headers in each language are in the catalogs, `importFields.*`). */
export const IMPORT_FIELDS = [
  'name',
  'nameBo',
  'idType',
  'idNumber',
  'birthDate',
  'phone',
  'gridCode',
  'skills',
  'languages',
  'team',
  'focusTags',
  'address',
  'proxyNeeded',
] as const satisfies readonly ImportField[];
