import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- service records (志愿服务记录, DOMAIN.md §9, DR-03…DR-08) ---------- */

export const SERVICE_RECORD_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type ServiceRecordStatus = (typeof SERVICE_RECORD_STATUSES)[number];
/** demand: a completed order; auto: an activity check-out; backfill: 补录 (needs a second approver); import. */
export const SERVICE_RECORD_SOURCES = ['demand', 'auto', 'backfill', 'import'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_format');

export const ServiceRecordSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  /** Masked for callers outside the volunteer's community. */
  volunteerName: z.string(),
  /** Credited minutes (0 after a complaint zeroing). */
  minutes: z.number().int(),
  status: z.enum(SERVICE_RECORD_STATUSES),
  source: z.enum(SERVICE_RECORD_SOURCES),
  servedOn: z.string(),
  content: z.string(),
  place: z.string().nullable(),
  demandId: z.string().nullable(),
  activityId: z.string().nullable(),
  communityId: z.string().nullable(),
  teamId: z.string().nullable(),
  reason: z.string().nullable(),
  evidence: z.array(z.string()),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  pointsCredited: z.number().int(),
  coinsDeposited: z.number().int(),
  coinsOverCap: z.number().int(),
  zeroed: z.boolean(),
  /** A correction request or appeal waiting for a decision. */
  openRequest: z.enum(['correction', 'appeal']).nullable(),
  /** Whether the caller may verify / reject / zero it (谁记录谁证明) — false for the creator of a 补录. */
  canDecide: z.boolean(),
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;

/** `GET /service-records` (staff verification queue): records of the caller's communities and led teams. */
export const ServiceRecordQuerySchema = PageQuerySchema.extend({
  status: z.enum(SERVICE_RECORD_STATUSES).optional(),
  communityId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  source: z.enum(SERVICE_RECORD_SOURCES).optional(),
});
export type ServiceRecordQuery = z.infer<typeof ServiceRecordQuerySchema>;

export const VolunteerRecordsQuerySchema = PageQuerySchema.extend({ status: z.enum(SERVICE_RECORD_STATUSES).optional() });

const reason = z.string().trim().min(2).max(500);

/** `POST /service-records/{id}/verify` — reason optional. */
export const RecordVerifySchema = z.object({ reason: reason.optional() }).strict();
/** `POST /service-records/{id}/reject`, `/zero`, `/appeal` — reason required. */
export const RecordReasonSchema = z.object({ reason }).strict();
export type RecordReason = z.infer<typeof RecordReasonSchema>;

/** `POST /service-records` — 补录 by staff: reason and evidence required; pending until a second staff member verifies it. */
export const ManualRecordCreateSchema = z
  .object({
    volunteerId: IdSchema,
    servedOn: isoDate,
    minutes: z.number().int().min(1).max(1440),
    content: z.string().trim().min(2).max(500),
    place: z.string().trim().max(200).optional(),
    communityId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    reason,
    evidence: z.array(z.string().trim().min(1).max(500)).min(1).max(10),
  })
  .strict()
  .refine((v) => v.communityId !== undefined || v.teamId !== undefined, { message: 'required', path: ['communityId'] });
export type ManualRecordCreate = z.infer<typeof ManualRecordCreateSchema>;

/** `POST /service-records/{id}/corrections` — the volunteer asks for other credited minutes (DR-08). */
export const CorrectionCreateSchema = z.object({ requestedMinutes: z.number().int().min(0).max(1440), reason }).strict();
export type CorrectionCreate = z.infer<typeof CorrectionCreateSchema>;

export const CORRECTION_KINDS = ['correction', 'zeroing', 'appeal'] as const;
export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected', 'applied'] as const;

export const CorrectionSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  volunteerId: z.string(),
  kind: z.enum(CORRECTION_KINDS),
  status: z.enum(CORRECTION_STATUSES),
  oldMinutes: z.number().int(),
  requestedMinutes: z.number().int().nullable(),
  newMinutes: z.number().int().nullable(),
  reason: z.string(),
  resolutionReason: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const CorrectionQuerySchema = PageQuerySchema.extend({
  status: z.enum(CORRECTION_STATUSES).optional(),
  kind: z.enum(CORRECTION_KINDS).optional(),
});

/** `POST /service-record-corrections/{id}/resolve` — accept or reject (with a reason) a correction or an appeal. */
export const CorrectionResolveSchema = z.object({ decision: z.enum(['accept', 'reject']), reason }).strict();
export type CorrectionResolve = z.infer<typeof CorrectionResolveSchema>;

/** `GET /volunteers/{id}/summary`. */
export const VolunteerSummarySchema = z.object({
  verifiedMinutes: z.number().int(),
  star: z.number().int().min(0).max(5),
  points: z.number().int(),
  /** Time-bank balance in coin-minutes. */
  timeBankMinutes: z.number().int(),
  /** Verified minutes at which the next star level is reached; null at 5 stars. */
  nextStarMinutes: z.number().int().nullable(),
  pendingRecords: z.number().int(),
});
export type VolunteerSummary = z.infer<typeof VolunteerSummarySchema>;

/** `GET/PUT /point-rules`: the street's rules for points, coins, the time bank and star eligibility. */
export const PointRulesSchema = z
  .object({
    pointsPerHour: z.number().int().min(0).max(1000),
    focusGroupBonusPerHour: z.number().int().min(0).max(1000),
    partyCommunityBonusPerHour: z.number().int().min(0).max(1000),
    coinMinutesPerHour: z.number().int().min(0).max(600),
    depositCapHours: z.number().int().min(0).max(100_000),
    withdrawMinAge: z.number().int().min(0).max(120),
    withdrawalTimeoutDays: z.number().int().min(1).max(365),
    correctionDeadlineWorkingDays: z.number().int().min(1).max(60),
    starThresholdsHours: z.array(z.number().int().min(1).max(100_000)).length(5),
  })
  .strict()
  .refine((v) => v.starThresholdsHours.every((h, i, a) => i === 0 || h > a[i - 1]!), {
    message: 'invalid_format',
    path: ['starThresholdsHours'],
  });
export type PointRules = z.infer<typeof PointRulesSchema>;

/** `GET /volunteers/{id}/service-records/export?format=xlsx|csv` (DR-07, DR-27: the 条例 Art. 19 field set). */
export const RecordsExportQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** Columns of the export, in order (basic information, then one row per record: service and evaluation). */
export const RECORD_EXPORT_COLUMNS = [
  'volunteer_no',
  'name',
  'id_type',
  'id_number_masked',
  'star_level',
  'total_verified_hours',
  'record_id',
  'service_date',
  'content',
  'place',
  'organiser_community',
  'organiser_team',
  'credited_hours',
  'source',
  'status',
  'verified_at',
  'evaluation',
  'complaint_flag',
] as const;
