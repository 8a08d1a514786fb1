import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- 爱心超市: rewards and redemptions (API.md, DR-11, DR-12) ---------- */

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters have no place in a catalog name or note.
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'invalid_format');

export const REWARD_LIMIT_PERIODS = ['month', 'quarter', 'year'] as const;
export type RewardLimitPeriod = (typeof REWARD_LIMIT_PERIODS)[number];

export const RewardSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  nameEn: z.string().nullable(),
  pointsCost: z.number().int(),
  stock: z.number().int(),
  minStar: z.number().int().min(0).max(5),
  merchant: z.object({ id: z.string(), name: z.string(), nameBo: z.string().nullable(), nameEn: z.string().nullable() }),
  /** Units one volunteer may redeem per `limitPeriod`; null: no limit. */
  perPeriodLimit: z.number().int().nullable(),
  limitPeriod: z.enum(REWARD_LIMIT_PERIODS),
  communityId: z.string().nullable(),
  active: z.boolean(),
});
export type Reward = z.infer<typeof RewardSchema>;

export const RewardQuerySchema = PageQuerySchema.extend({
  /** Staff: `true` also lists inactive items. */
  all: z.enum(['true', 'false']).optional(),
  merchantId: IdSchema.optional(),
});
export type RewardQuery = z.infer<typeof RewardQuerySchema>;

export const RewardCreateSchema = z.object({
  merchantId: IdSchema,
  name: text(60),
  nameBo: text(120).nullish(),
  nameEn: text(80).nullish(),
  pointsCost: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
  minStar: z.number().int().min(0).max(5).default(0),
  perPeriodLimit: z.number().int().min(1).max(100).nullish(),
  limitPeriod: z.enum(REWARD_LIMIT_PERIODS).default('quarter'),
  /** Street admin: null (street-wide) or a community; community admin: their community (default). */
  communityId: IdSchema.nullish(),
});
export type RewardCreate = z.infer<typeof RewardCreateSchema>;

export const RewardPatchSchema = z
  .object({
    name: text(60),
    nameBo: text(120).nullable(),
    nameEn: text(80).nullable(),
    pointsCost: z.number().int().min(1).max(100_000),
    /** Set the stock to this value (restocking); redemptions decrement it atomically. */
    stock: z.number().int().min(0).max(100_000),
    minStar: z.number().int().min(0).max(5),
    perPeriodLimit: z.number().int().min(1).max(100).nullable(),
    limitPeriod: z.enum(REWARD_LIMIT_PERIODS),
    active: z.boolean(),
  })
  .partial();
export type RewardPatch = z.infer<typeof RewardPatchSchema>;

export const REDEMPTION_STATUSES = ['pending_pickup', 'redeemed', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export const RedemptionCreateSchema = z.object({ rewardId: IdSchema, quantity: z.number().int().min(1).max(20).default(1) });
export type RedemptionCreate = z.infer<typeof RedemptionCreateSchema>;

export const RedemptionSchema = z.object({
  id: z.string(),
  rewardId: z.string(),
  rewardName: z.string(),
  rewardNameBo: z.string().nullable(),
  rewardNameEn: z.string().nullable(),
  merchantName: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  /** 6 digits; shown to the volunteer while the order waits for pickup, null for others and afterwards. */
  pickupCode: z.string().nullable(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  redeemedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type Redemption = z.infer<typeof RedemptionSchema>;

export const RedemptionQuerySchema = PageQuerySchema.extend({ status: z.enum(REDEMPTION_STATUSES).optional() });

export const MerchantSchema = z.object({ id: z.string(), name: z.string(), nameBo: z.string().nullable(), nameEn: z.string().nullable() });
export type Merchant = z.infer<typeof MerchantSchema>;
export const RedemptionCancelSchema = z.object({ reason: text(200).optional() });

/** Merchant: the pickup code, or the volunteer's QR payload (with the order when they have several open ones). */
export const RedeemBodySchema = z.union([
  z.object({ code: z.string().regex(/^\d{6}$/, 'invalid_format') }),
  z.object({ volunteerQr: z.string().min(10).max(600), redemptionId: IdSchema.optional() }),
]);
export type RedeemBody = z.infer<typeof RedeemBodySchema>;

export const STAR_PERKS = ['supermarket', 'priority_service', 'partner_discount', 'health_check', 'honour_wall'] as const;
export type StarPerk = (typeof STAR_PERKS)[number];

/** What a merchant may see of a volunteer: the star level and its perks, nothing personal. */
export const MerchantHolderSchema = z.object({
  star: z.number().int().min(0).max(5),
  perks: z.array(z.object({ code: z.enum(STAR_PERKS), label: z.string() })),
});
export type MerchantHolder = z.infer<typeof MerchantHolderSchema>;

export const MerchantLookupBodySchema = z.object({ volunteerQr: z.string().min(10).max(600) });
export const MerchantOpenOrderSchema = z.object({
  id: z.string(),
  rewardName: z.string(),
  quantity: z.number().int(),
  createdAt: z.string(),
});
export const MerchantLookupSchema = z.object({ holder: MerchantHolderSchema, openOrders: z.array(MerchantOpenOrderSchema) });
export type MerchantLookup = z.infer<typeof MerchantLookupSchema>;

export const RedeemResultSchema = z.object({
  redemption: z.object({
    id: z.string(),
    rewardName: z.string(),
    quantity: z.number().int(),
    status: z.enum(REDEMPTION_STATUSES),
    redeemedAt: z.string().nullable(),
  }),
  holder: MerchantHolderSchema,
});
export type RedeemResult = z.infer<typeof RedeemResultSchema>;

export const MyQrSchema = z.object({ payload: z.string(), expiresAt: z.string() });
export type MyQr = z.infer<typeof MyQrSchema>;

/* ---------- star levels: thresholds and the award flow (DR-10) ---------- */

export const StarThresholdsSchema = z.object({
  /** Hours for levels 1..5, strictly increasing (national default 100/300/600/1000/1500). */
  thresholdsHours: z
    .array(z.number().int().min(1).max(100_000))
    .length(5)
    .refine((a) => a.every((h, i) => i === 0 || h > (a[i - 1] ?? 0)), 'not_increasing'),
  /** Blocking period after proven false hours, 1–3 years. */
  blockYears: z.number().int().min(1).max(3),
});
export type StarThresholds = z.infer<typeof StarThresholdsSchema>;

export const STAR_AWARD_STATUSES = ['proposed', 'reviewed', 'on_notice', 'awarded', 'rejected', 'revoked'] as const;
export type StarAwardStatus = (typeof STAR_AWARD_STATUSES)[number];

export const StarAwardSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  communityId: z.string().nullable(),
  level: z.number().int(),
  verifiedMinutes: z.number().int(),
  status: z.enum(STAR_AWARD_STATUSES),
  proposedAt: z.string(),
  reviewedAt: z.string().nullable(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  awardedAt: z.string().nullable(),
  reason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  openObjections: z.number().int(),
});
export type StarAward = z.infer<typeof StarAwardSchema>;

export const StarAwardQuerySchema = PageQuerySchema.extend({
  status: z.enum(STAR_AWARD_STATUSES).optional(),
  communityId: IdSchema.optional(),
});
export const StarReasonSchema = z.object({ reason: text(500) });
export const StarOptionalNoteSchema = z.object({ note: text(500).optional() });

export const StarNoticeSchema = z.object({
  awardId: z.string(),
  maskedName: z.string(),
  volunteerNo: z.string(),
  level: z.number().int(),
  verifiedHours: z.number(),
  noticeStart: z.string(),
  noticeEnd: z.string(),
});
export type StarNotice = z.infer<typeof StarNoticeSchema>;

export const StarObjectionBodySchema = z.object({ text: text(1000) });
export const StarObjectionSchema = z.object({
  id: z.string(),
  awardId: z.string(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type StarObjection = z.infer<typeof StarObjectionSchema>;
export const StarObjectionResolveSchema = z.object({ decision: z.enum(['upheld', 'dismissed']), note: text(500) });

export const StarBlockBodySchema = z.object({ reason: text(500), years: z.number().int().min(1).max(3).optional() });
export const StarBlockSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  reason: z.string(),
  blockedFrom: z.string(),
  blockedUntil: z.string(),
});
export type StarBlock = z.infer<typeof StarBlockSchema>;

export const StarJobResultSchema = z.object({ proposed: z.number().int(), awarded: z.number().int() });

/* ---------- reports: party double points, awards reference (DR-18, 评优评先) ---------- */

export const AwardsReportQuerySchema = z.object({
  period: z.string().regex(/^\d{4}(Q[1-4])?$/, 'invalid_format'),
  communityId: IdSchema.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
});
export type AwardsReportQuery = z.infer<typeof AwardsReportQuerySchema>;

export const AwardsReportItemSchema = z.object({
  rank: z.number().int(),
  volunteerId: z.string(),
  volunteerNo: z.string(),
  name: z.string(),
  communityId: z.string().nullable(),
  periodMinutes: z.number().int(),
  records: z.number().int(),
  averageRating: z.number().nullable(),
  star: z.number().int(),
  totalVerifiedMinutes: z.number().int(),
});
export type AwardsReportItem = z.infer<typeof AwardsReportItemSchema>;
export const AwardsReportSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(AwardsReportItemSchema),
});
export type AwardsReport = z.infer<typeof AwardsReportSchema>;
