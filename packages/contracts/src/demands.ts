import { z } from 'zod';
import { FOCUS_TAGS, LANGUAGES, SKILLS, TEAM_DOMAINS } from './enums.js';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- the work order (API.md, Demands) ---------- */

export const DEMAND_STATUSES = [
  'submitted',
  'published',
  'assigned',
  'accepted',
  'in_service',
  'completed',
  'rated',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DemandStatusSchema = z.enum(DEMAND_STATUSES);

export const DEMAND_ACTIONS = ['publish', 'reject', 'assign', 'accept', 'start', 'complete', 'rate', 'close', 'cancel'] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];

export const DEMAND_CHANNELS = ['app', 'phone', 'chat', 'visit', 'walk_in'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];
export const DEMAND_URGENCIES = ['normal', 'urgent'] as const;
export type DemandUrgency = (typeof DEMAND_URGENCIES)[number];

/** C0 control characters and DEL; tab, LF and CR are allowed in multi-line text. */
const hasControlChars = (s: string, multiline: boolean) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d)))) return true;
  }
  return false;
};
const demandText = (max: number, multiline = true) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControlChars(s, multiline), { message: 'control_characters' });

const IsoDateTime = z.iso.datetime({ offset: true });

export const ServiceItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameBo: z.string().nullable(),
  nameEn: z.string().nullable(),
  category: z.enum(TEAM_DOMAINS),
  skills: z.array(z.enum(SKILLS)),
  languages: z.array(z.enum(LANGUAGES)),
  typicalMinutes: z.number().int(),
  volunteersNeeded: z.number().int(),
  description: z.string().nullable(),
  /** Teams that provide the item (资源清单). */
  teamIds: z.array(z.string()),
  active: z.boolean(),
  /** Communities that switched the item off for themselves. */
  disabledCommunityIds: z.array(z.string()),
});
export type ServiceItemDto = z.infer<typeof ServiceItemSchema>;

/** `GET /service-items`: `all=1` (staff) includes inactive items; `communityId` leaves out items that community switched off. */
export const ServiceItemQuerySchema = z.object({
  all: z.enum(['1', 'true', '0', 'false']).optional(),
  communityId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'id')
    .optional(),
});
export type ServiceItemQuery = z.infer<typeof ServiceItemQuerySchema>;

const menuName = (max: number) => demandText(max, false);
const ServiceItemFields = {
  name: menuName(60),
  nameBo: menuName(120).nullable(),
  nameEn: menuName(120).nullable(),
  category: z.enum(TEAM_DOMAINS),
  skills: z
    .array(z.enum(SKILLS))
    .max(10)
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' }),
  languages: z
    .array(z.enum(LANGUAGES))
    .max(4)
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' }),
  typicalMinutes: z.number().int().min(5).max(1440),
  volunteersNeeded: z.number().int().min(1).max(50),
  description: demandText(1000).nullable(),
  active: z.boolean(),
};

/** `POST /service-items` (street admin): a new menu item; `id` (svc_…) optional. */
export const ServiceItemCreateSchema = z
  .object({
    id: z
      .string()
      .regex(/^svc_[a-z0-9_]{2,40}$/, 'id')
      .optional(),
    name: ServiceItemFields.name,
    nameBo: ServiceItemFields.nameBo.optional(),
    nameEn: ServiceItemFields.nameEn.optional(),
    category: ServiceItemFields.category,
    skills: ServiceItemFields.skills.default([]),
    languages: ServiceItemFields.languages.default([]),
    typicalMinutes: ServiceItemFields.typicalMinutes,
    volunteersNeeded: ServiceItemFields.volunteersNeeded.default(1),
    description: ServiceItemFields.description.optional(),
    active: ServiceItemFields.active.default(true),
  })
  .strict();
export type ServiceItemCreate = z.infer<typeof ServiceItemCreateSchema>;

/** `PATCH /service-items/{id}` (street admin): any of the fields; at least one. */
export const ServiceItemPatchSchema = z
  .object({
    name: ServiceItemFields.name.optional(),
    nameBo: ServiceItemFields.nameBo.optional(),
    nameEn: ServiceItemFields.nameEn.optional(),
    category: ServiceItemFields.category.optional(),
    skills: ServiceItemFields.skills.optional(),
    languages: ServiceItemFields.languages.optional(),
    typicalMinutes: ServiceItemFields.typicalMinutes.optional(),
    volunteersNeeded: ServiceItemFields.volunteersNeeded.optional(),
    description: ServiceItemFields.description.optional(),
    active: ServiceItemFields.active.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'empty_patch' });
export type ServiceItemPatch = z.infer<typeof ServiceItemPatchSchema>;

/** `PUT /service-items/{id}/teams` (资源清单): the teams (of the caller's scope) that provide the item. */
export const ServiceItemTeamsSchema = z
  .object({
    teamIds: z
      .array(IdSchema)
      .max(200)
      .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' }),
  })
  .strict();

/** `PUT /service-items/{id}/communities/{communityId}`: a community switches the item on or off for itself. */
export const ServiceItemCommunitySchema = z.object({ enabled: z.boolean() }).strict();
export const ServiceItemCommunityParamsSchema = z.object({ id: IdSchema, communityId: IdSchema });

/** `POST /api/v1/demands`. */
export const DemandCreateSchema = z
  .object({
    serviceItemId: IdSchema,
    description: demandText(1000),
    gridId: IdSchema,
    beneficiaryId: IdSchema.optional(),
    preferredStart: IsoDateTime.optional(),
    preferredEnd: IsoDateTime.optional(),
    urgency: z.enum(DEMAND_URGENCIES).optional(),
    channel: z.enum(DEMAND_CHANNELS).optional(),
    /** How many volunteers it needs (a clean-up needing 4); default from the service item. */
    volunteersNeeded: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .refine((v) => !v.preferredStart || !v.preferredEnd || Date.parse(v.preferredStart) < Date.parse(v.preferredEnd), {
    message: 'from_before_to',
    path: ['preferredEnd'],
  });
export type DemandCreate = z.infer<typeof DemandCreateSchema>;

/**
 * A volunteer or staff member as the dispatch screens name them: the name as the volunteer lists
 * show it (in full for the caller's communities and the teams they lead or manage, else masked:
 * `扎*`) and their community. Never a phone or ID number.
 */
export const NamedPersonSchema = z.object({
  name: z.string(),
  nameBo: z.string().nullable(),
  /** The person's community (null: none recorded). */
  communityName: z.string().nullable(),
  communityNameBo: z.string().nullable(),
});
export type NamedPerson = z.infer<typeof NamedPersonSchema>;

export const DemandHistoryEntrySchema = z.object({
  action: z.string(),
  from: DemandStatusSchema.nullable(),
  to: DemandStatusSchema,
  at: z.string(),
  byUserId: z.string().nullable(),
  /**
   * Who took the step, named (null: the system, or an account that no longer exists). Absent only in
   * an answer replayed under an Idempotency-Key that was stored before names were added.
   */
  by: NamedPersonSchema.nullable().optional(),
  note: z.string().nullable(),
});

/** The beneficiary as the caller may see them: phone and address only for an accepted volunteer from accept to close. */
export const DemandBeneficiarySchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  languages: z.array(z.enum(LANGUAGES)),
});

export const DemandSchema = z.object({
  id: z.string(),
  status: DemandStatusSchema,
  serviceItemId: z.string(),
  description: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  gridId: z.string(),
  teamId: z.string().nullable(),
  volunteerIds: z.array(z.string()),
  /**
   * The accepted volunteers, named, in the order of `volunteerIds` (detail and transition answers
   * only; absent in lists and in an answer replayed from before names were added).
   */
  volunteers: z.array(NamedPersonSchema.extend({ id: z.string() })).optional(),
  volunteersNeeded: z.number().int(),
  channel: z.enum(DEMAND_CHANNELS),
  urgency: z.enum(DEMAND_URGENCIES),
  requesterId: z.string().nullable(),
  beneficiary: DemandBeneficiarySchema.nullable(),
  preferredStart: z.string().nullable(),
  preferredEnd: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  overdue: z.boolean(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  reworkCount: z.number().int(),
  feeFlag: z.boolean(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  followUp: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(DemandHistoryEntrySchema),
});
export type Demand = z.infer<typeof DemandSchema>;

export const DemandListItemSchema = DemandSchema.omit({ history: true, beneficiary: true, volunteers: true });
export type DemandListItem = z.infer<typeof DemandListItemSchema>;

export const DemandQuerySchema = PageQuerySchema.extend({
  status: DemandStatusSchema.optional(),
  communityId: IdSchema.optional(),
  gridId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  urgency: z.enum(DEMAND_URGENCIES).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  /** Only the caller's own orders (我的订单): placed by them for themselves, or for them by staff — whatever else their roles let them see. */
  mine: z.enum(['true', 'false', '1', '0']).optional(),
  /** The beneficiary's focus group (staff only: street admin, community admin, grid worker). */
  focusTag: z.enum(FOCUS_TAGS).optional(),
  /** Words of the description or the id. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type DemandQuery = z.infer<typeof DemandQuerySchema>;

/* ---------- transition bodies ---------- */

const note = demandText(500).optional();
export const TransitionNoteSchema = z.object({ note }).strict();
export const DemandRejectSchema = z.object({ reason: demandText(500), note }).strict();
/** `volunteerIds`: members of the team who get the offer; without them the whole team is offered it (DR-16). */
export const DemandAssignSchema = z
  .object({
    teamId: IdSchema,
    volunteerIds: z
      .array(IdSchema)
      .min(1)
      .max(50)
      .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' })
      .optional(),
    note,
  })
  .strict();
export const DemandDeclineSchema = z.object({ reason: demandText(500).optional() }).strict();
export const DemandNoShowSchema = z.object({ volunteerId: IdSchema, note }).strict();
export const DemandCompleteSchema = z.object({ minutes: z.number().int().min(1).max(1440), summary: demandText(2000), note }).strict();
export const DemandRateSchema = z.object({ score: z.number().int().min(1).max(5), comment: demandText(1000).optional(), note }).strict();
export const DemandCloseSchema = z.object({ followUp: demandText(1000).optional(), note }).strict();
export const DemandCancelSchema = z.object({ reason: demandText(500), note }).strict();

/** `Idempotency-Key` header of writes (API.md): any opaque token, a UUID by convention. */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'idempotency_key')
    .optional(),
});

/* ---------- matching and intake ---------- */

export const CandidateSchema = z.object({
  volunteerId: z.string(),
  /** Who the candidate is (one query per page, not one request per row). */
  volunteer: NamedPersonSchema,
  score: z.number(),
  reasons: z.object({
    skills: z.number(),
    language: z.number(),
    distance: z.number(),
    availability: z.number(),
    workload: z.number(),
    reliability: z.number(),
  }),
});
export type Candidate = z.infer<typeof CandidateSchema>;
export const CandidateListSchema = z.object({ items: z.array(CandidateSchema) });
export const CandidateQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

/** POST /demands/suggest-dispatch (建议派单): a suggestion only, nothing is changed (DR-16). */
export const SuggestDispatchBodySchema = z
  .object({
    communityId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    limitPerDemand: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type SuggestDispatchBody = z.infer<typeof SuggestDispatchBodySchema>;
export const SuggestDispatchItemSchema = z.object({
  demandId: z.string(),
  volunteers: z.array(CandidateSchema),
  /** Slots the suggestion leaves open. */
  unfilled: z.number().int().min(0),
});
export const SuggestDispatchResultSchema = z.object({
  items: z.array(SuggestDispatchItemSchema),
  /** Σ (100 − score) over the suggested pairs + 100 per open slot. */
  totalCost: z.number(),
  /** The same measure for the greedy baseline (cheapest pairs first). */
  greedyCost: z.number(),
  computedMs: z.number(),
});
export type SuggestDispatchResult = z.infer<typeof SuggestDispatchResultSchema>;

export const IntakeBodySchema = z.object({ text: demandText(20000), gridId: IdSchema.optional() }).strict();
export const IntakeDraftSchema = z.object({
  sourceText: z.string(),
  sender: z.string().nullable(),
  postedAt: z.string().nullable(),
  language: z.enum(['zh', 'bo', 'mixed']),
  serviceItemId: z.string().nullable(),
  confidence: z.number(),
  alternatives: z.array(z.object({ serviceItemId: z.string(), score: z.number() })),
  gridId: z.string().nullable(),
  urgency: z.enum(DEMAND_URGENCIES),
  contactPhone: z.string().nullable(),
  beneficiaryHint: z.string().nullable(),
  emergency: z.object({ kind: z.string(), call: z.enum(['110', '119', '120']) }).nullable(),
  feeFlag: z.boolean(),
  reasons: z.array(z.string()),
});
export const IntakeResultSchema = z.object({ items: z.array(IntakeDraftSchema) });

/* ---------- offers, dispatch plans, no-shows (0008) ---------- */

export const DEMAND_OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type DemandOfferStatus = (typeof DEMAND_OFFER_STATUSES)[number];

/** One offer of a demand to a volunteer, as staff and the team leader see it (`GET /demands/{id}/offers`). */
export const DemandOfferSchema = z.object({
  id: z.string(),
  demandId: z.string(),
  volunteerId: z.string(),
  /** The volunteer, named (`GET /demands/{id}/offers`; absent in the decline answer, which is the caller's own offer). */
  volunteer: NamedPersonSchema.optional(),
  teamId: z.string(),
  status: z.enum(DEMAND_OFFER_STATUSES),
  planId: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type DemandOffer = z.infer<typeof DemandOfferSchema>;

/** `GET /me/offers`: a volunteer's open offer with a summary of the demand; no address or phone before accept (DR-21). */
export const MyOfferSchema = z.object({
  id: z.string(),
  status: z.enum(DEMAND_OFFER_STATUSES),
  teamId: z.string(),
  createdAt: z.string(),
  /** When the offer lapses if not answered. */
  expiresAt: z.string(),
  demand: z.object({
    id: z.string(),
    status: DemandStatusSchema,
    serviceItemId: z.string(),
    description: z.string(),
    communityId: z.string(),
    gridId: z.string(),
    urgency: z.enum(DEMAND_URGENCIES),
    preferredStart: z.string().nullable(),
    preferredEnd: z.string().nullable(),
    volunteersNeeded: z.number().int(),
    acceptedCount: z.number().int(),
    slaDueAt: z.string().nullable(),
  }),
});
export type MyOffer = z.infer<typeof MyOfferSchema>;

/** `POST /dispatch-plans`: the accepted (or edited) batch suggestion, applied all or nothing. */
export const DispatchPlanBodySchema = z
  .object({
    scope: z.object({ communityId: IdSchema.optional(), teamId: IdSchema.optional() }).strict().default({}),
    assignments: z
      .array(
        z
          .object({
            demandId: IdSchema,
            teamId: IdSchema,
            volunteerIds: z
              .array(IdSchema)
              .max(50)
              .refine((a) => new Set(a).size === a.length, { message: 'duplicate_items' }),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .refine((a) => new Set(a.map((x) => x.demandId)).size === a.length, { message: 'duplicate_items' }),
  })
  .strict();
export type DispatchPlanBody = z.infer<typeof DispatchPlanBodySchema>;

export const DispatchPlanResultSchema = z.object({
  id: z.string(),
  items: z.array(
    z.object({
      demandId: z.string(),
      teamId: z.string(),
      /** `published → assigned` happened in this plan (false: it was already assigned to that team). */
      assigned: z.boolean(),
      status: DemandStatusSchema,
      /** Volunteers newly offered the demand (an open offer they already had is kept, not repeated). */
      offeredVolunteerIds: z.array(z.string()),
    }),
  ),
  offerCount: z.number().int(),
  createdAt: z.string(),
});
export type DispatchPlanResult = z.infer<typeof DispatchPlanResultSchema>;
