/** Shapes of the door-to-door visit API (API.md "Activities and check-in", DR-20), types from the contracts. */
import type {
  CampaignOverview,
  CarePlan,
  CarePlanCreate,
  CoverageItem,
  Visit,
  VisitCampaign,
  VisitCreate,
  VisitInquiry,
  VisitNeed,
} from '@duodi/contracts';

export type { CampaignOverview, CarePlan, CoverageItem, Visit, VisitCampaign };
export type Inquiry = VisitInquiry;
export type Need = VisitNeed;
export type VisitInput = VisitCreate;
export type CarePlanInput = CarePlanCreate;
export const CARE_PLAN_KINDS = ['visit', 'demand'] as const;

/** A plan the grid worker should act on: due now, or with missed visits (paused ones are left out). */
export const needsAttention = (p: CarePlan) => p.active && (p.due || p.missedCount > 0);

/** Topics offered on the phone; the API takes free text, so these keys are what it stores. */
export const INQUIRY_TOPICS = [
  'policy',
  'health',
  'social_security',
  'housing',
  'employment',
  'elderly_care',
  'disability',
  'safety',
  'other',
] as const;
export type InquiryTopic = (typeof INQUIRY_TOPICS)[number];

export type Coverage = {
  items: CoverageItem[];
  nextCursor: string | null;
  gridId: string;
  cycleDays: number;
  households: number;
  overdueCount: number;
};

export type ServiceItem = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };
