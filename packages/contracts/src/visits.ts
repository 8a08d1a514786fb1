import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- door-to-door visits (幸福敲敲门 / 布谷响铃, DR-20) and care plans ---------- */

const IsoDateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const hasControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)) return true;
  }
  return false;
};
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControl(s), { message: 'control_characters' });

export const VisitInquirySchema = z.object({ topic: text(200), answered: z.boolean() }).strict();
export type VisitInquiry = z.infer<typeof VisitInquirySchema>;
export const VisitNeedSchema = z.object({ serviceItemId: IdSchema.optional(), description: text(1000) }).strict();
export type VisitNeed = z.infer<typeof VisitNeedSchema>;

export const VisitCreateSchema = z
  .object({
    householdId: IdSchema,
    at: IsoDateTime,
    present: z.boolean(),
    inquiries: z.array(VisitInquirySchema).max(50).default([]),
    needs: z.array(VisitNeedSchema).max(20).default([]),
    /** Optional: the campaign the visit belongs to (default: the active campaign covering the grid). */
    campaignId: IdSchema.optional(),
  })
  .strict();
export type VisitCreate = z.infer<typeof VisitCreateSchema>;

export const VisitSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  gridId: z.string(),
  communityId: z.string(),
  campaignId: z.string().nullable(),
  visitorName: z.string(),
  at: z.string(),
  present: z.boolean(),
  inquiries: z.array(z.object({ topic: z.string(), answered: z.boolean() })),
  needs: z.array(
    z.object({ index: z.number().int(), serviceItemId: z.string().nullable(), description: z.string(), demandId: z.string().nullable() }),
  ),
});
export type Visit = z.infer<typeof VisitSchema>;

export const VisitQuerySchema = PageQuerySchema.extend({
  gridId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  householdId: IdSchema.optional(),
});

export const VisitNeedParamsSchema = z.object({ id: IdSchema, index: z.coerce.number().int().min(0).max(19) });
export const NeedDemandResultSchema = z.object({ visitId: z.string(), index: z.number().int(), demandId: z.string() });

export const VisitCampaignCreateSchema = z
  .object({
    name: text(120),
    nameBo: text(240),
    teamId: IdSchema.optional(),
    gridIds: z.array(IdSchema).min(1).max(100),
    startsOn: IsoDate,
    endsOn: IsoDate,
    cycleDays: z.number().int().min(1).max(365).default(15),
  })
  .strict()
  .refine((v) => v.startsOn <= v.endsOn, { message: 'from_before_to', path: ['endsOn'] })
  .refine((v) => new Set(v.gridIds).size === v.gridIds.length, { message: 'duplicate_items', path: ['gridIds'] });
export type VisitCampaignCreate = z.infer<typeof VisitCampaignCreateSchema>;

export const VisitCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string(),
  communityId: z.string().nullable(),
  teamId: z.string().nullable(),
  gridIds: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  cycleDays: z.number().int(),
  active: z.boolean(),
});
export type VisitCampaign = z.infer<typeof VisitCampaignSchema>;
export const VisitCampaignQuerySchema = PageQuerySchema.extend({ communityId: IdSchema.optional(), gridId: IdSchema.optional() });

export const CoverageQuerySchema = PageQuerySchema.extend({
  cycleDays: z.coerce.number().int().min(1).max(365).default(15),
  overdue: z.enum(['true', 'false']).optional(),
});
export const CoverageItemSchema = z.object({
  householdId: z.string(),
  /** The address with its house number masked. */
  householdLabel: z.string(),
  lastVisitAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type CoverageItem = z.infer<typeof CoverageItemSchema>;
export const CoverageSchema = z.object({
  items: z.array(CoverageItemSchema),
  nextCursor: z.string().nullable(),
  gridId: z.string(),
  cycleDays: z.number().int(),
  households: z.number().int(),
  overdueCount: z.number().int(),
});

export const OverviewQuerySchema = z.object({
  period: z.enum(['week', 'month']).default('month'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
const Figures = {
  /** Sum of inquiries answered (解答咨询). */
  inquiriesAnswered: z.number().int(),
  /** Visits where someone was at home (入户走访). */
  homeVisits: z.number().int(),
  visits: z.number().int(),
};
export const CampaignOverviewSchema = z.object({
  campaign: VisitCampaignSchema,
  grids: z.array(
    z.object({
      gridId: z.string(),
      name: z.string(),
      nameBo: z.string().nullable(),
      households: z.number().int(),
      visitedInCycle: z.number().int(),
      overdue: z.number().int(),
      ...Figures,
    }),
  ),
  totals: z.object({ households: z.number().int(), visitedInCycle: z.number().int(), overdue: z.number().int(), ...Figures }),
  periods: z.array(z.object({ period: z.string(), ...Figures })),
});
export type CampaignOverview = z.infer<typeof CampaignOverviewSchema>;

export const CARE_PLAN_KINDS = ['visit', 'demand'] as const;
export const CarePlanCreateSchema = z
  .object({
    residentId: IdSchema,
    everyDays: z.number().int().min(1).max(365),
    kind: z.enum(CARE_PLAN_KINDS),
    serviceItemId: IdSchema.optional(),
  })
  .strict()
  .refine((v) => v.kind === 'visit' || v.serviceItemId !== undefined, { message: 'required', path: ['serviceItemId'] });
export type CarePlanCreate = z.infer<typeof CarePlanCreateSchema>;
export const CarePlanSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  householdId: z.string().nullable(),
  gridId: z.string(),
  kind: z.enum(CARE_PLAN_KINDS),
  everyDays: z.number().int(),
  serviceItemId: z.string().nullable(),
  nextDueAt: z.string(),
  /** Due now (next due passed, not yet done). */
  due: z.boolean(),
  lastDoneAt: z.string().nullable(),
  lastDemandId: z.string().nullable(),
  missedCount: z.number().int(),
  lastMissedAt: z.string().nullable(),
  active: z.boolean(),
});
export type CarePlan = z.infer<typeof CarePlanSchema>;
export const CarePlanQuerySchema = PageQuerySchema.extend({ gridId: IdSchema.optional() });
/** `PATCH /care-plans/{id}`: pause (`active: false`) or resume a plan; resuming makes it due from now on, never missed for the pause. */
export const CarePlanUpdateSchema = z.object({ active: z.boolean() }).strict();
export type CarePlanUpdate = z.infer<typeof CarePlanUpdateSchema>;
