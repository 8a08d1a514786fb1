/**
 * Shapes of the activities API (API.md "Activities and check-in"), from the contracts package (types only:
 * the runtime lists are copied here so that no zod schema reaches the H5 bundle).
 */
import type {
  Activity as ActivityDto,
  ActivityCreate,
  ActivityListItem,
  ActivityUpdate,
  ActivityStatus,
  CheckInBody,
  CheckInCode,
  RosterItem,
  SignInMethod,
  SignupResult,
  SignupStatus,
} from '@duodi/contracts';

export type { ActivityStatus, ActivityUpdate, CheckInCode, SignInMethod, SignupResult, SignupStatus };

/** Fields the organizer may still change while recruiting (the server refuses the rest). */
export const RECRUITING_EDITABLE = ['description', 'place', 'headcount', 'riskNotice'] as const;

export const ACTIVITY_STATUSES = [
  'draft',
  'pending_review',
  'recruiting',
  'in_progress',
  'ended',
  'archived',
  'cancelled',
] as const satisfies readonly ActivityStatus[];
export const SIGN_IN_METHODS = ['qr', 'code', 'gps'] as const satisfies readonly SignInMethod[];

/** A list row; the detail adds the rest (description, eligibility, the caller's sign-up, what they may do). */
export type Activity = ActivityListItem & Partial<Omit<ActivityDto, keyof ActivityListItem>>;
export type ActivityDetail = ActivityDto;
export type MySignup = NonNullable<ActivityDto['mySignup']>;

export type CheckAction = 'check-in' | 'check-out';
export type CheckBody = CheckInBody;
export type CheckInResult = { at: string };
export type CheckOutResult = { creditedMinutes: number; serviceRecordId: string | null };

export type RosterEntry = RosterItem;
export type Roster = {
  items: RosterItem[];
  nextCursor: null;
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
  checkedOut: number;
};

/** The create body as the form sends it (defaults of the contract filled in). */
export type ActivityInput = Omit<ActivityCreate, 'recurrence'> & { recurrence?: ActivityCreate['recurrence'] };

export type Transition = 'submit' | 'approve' | 'reject' | 'start' | 'end' | 'cancel' | 'archive';
