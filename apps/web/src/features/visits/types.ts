/** Shapes of the door-to-door visit API as the web app reads them (API.md "Activities and check-in"). */
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

export type Inquiry = { topic: string; answered: boolean };
export type Need = { serviceItemId?: string; description: string };

export type VisitInput = {
  householdId: string;
  at: string;
  present: boolean;
  inquiries: Inquiry[];
  needs: Need[];
  campaignId?: string;
  note?: string;
};

export type Visit = Omit<VisitInput, 'needs'> & {
  id: string;
  visitorName?: string;
  needs: (Need & { id?: string; demandId?: string | null })[];
};

export type CoverageItem = { householdId: string; lastVisitAt: string | null; overdue: boolean; address?: string | null };

export type Campaign = {
  id: string;
  name: string;
  nameBo?: string | null;
  cycleDays: number;
  gridIds: string[];
  startsOn?: string | null;
  endsOn?: string | null;
  status?: string;
};

export type GridCoverage = {
  gridId: string;
  gridName?: string;
  gridNameBo?: string | null;
  households: number;
  visited: number;
  overdue: number;
};

export type CampaignOverview = { campaignId?: string; cycleDays: number; grids: GridCoverage[] };

export type VisitFigure = { period: string; homeVisits: number; inquiriesAnswered: number; inquiries?: number; needsFound?: number };

export type ServiceItem = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };
