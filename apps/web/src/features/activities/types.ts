/**
 * Shapes of the activities API as the web app reads them (API.md "Activities and check-in").
 * Fields beyond API.md are optional here, so a server that leaves them out still renders.
 */
export const ACTIVITY_STATUSES = ['draft', 'pending_review', 'recruiting', 'in_progress', 'ended', 'archived', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const SIGN_IN_METHODS = ['qr', 'code', 'gps'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export type ActivityPlace = { name: string; lat: number | null; lng: number | null; radiusM: number };

export type Activity = {
  id: string;
  title: string;
  titleBo: string | null;
  status: ActivityStatus;
  startsAt: string;
  endsAt: string;
  headcount: number;
  signedUp: number;
  waitlisted: number;
  teamId: string | null;
  place: ActivityPlace;
  signInMethods: SignInMethod[];
  needsInsurance: boolean;
  riskNotice: string;
  riskNoticeBo?: string | null;
  description?: string | null;
  descriptionBo?: string | null;
  category?: string | null;
  communityId?: string | null;
  teamName?: string | null;
  targetGroups?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  skills?: string[];
  maxCreditableMinutes?: number | null;
  /** The caller's own sign-up, when the server tells it. */
  mySignup?: MySignup | null;
  reviewNote?: string | null;
};

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
export type MySignup = { status: SignupStatus; position?: number | null; checkedInAt?: string | null; checkedOutAt?: string | null };

export type SignupResult = { status: 'confirmed' | 'waitlisted'; position?: number | null };

export type CheckInCode = { token: string; code: string; expiresAt: string };

export type CheckAction = 'check-in' | 'check-out';
export type CheckBody = { token?: string; code?: string; lat?: number; lng?: number; at?: string };
export type CheckInResult = { at: string };
export type CheckOutResult = { creditedMinutes: number; serviceRecordId: string };

export type RosterEntry = {
  volunteerId: string;
  name: string;
  nameBo?: string | null;
  status: SignupStatus;
  position?: number | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  creditedMinutes?: number | null;
  flagged?: boolean;
};

export type ActivityInput = {
  title: string;
  titleBo: string;
  category?: string;
  description?: string;
  teamId: string;
  startsAt: string;
  endsAt: string;
  headcount: number;
  place: ActivityPlace;
  signInMethods: SignInMethod[];
  needsInsurance: boolean;
  riskNotice: string;
  targetGroups?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  skills?: string[];
  maxCreditableMinutes?: number | null;
};

export type Transition = 'submit' | 'approve' | 'reject' | 'start' | 'end' | 'cancel';
