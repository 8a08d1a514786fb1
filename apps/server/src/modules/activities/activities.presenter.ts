import type { Activity, ActivityListItem, ActivityStatus, RosterItem, SignInMethod } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import type { ActivityRow, HistoryRow, SignupRow } from './activities.repository.js';

export function presentActivityListItem(a: ActivityRow, counts: { confirmed: number; waitlisted: number } | undefined): ActivityListItem {
  return {
    id: a.id,
    title: a.title,
    titleBo: a.titleBo,
    status: a.status,
    startsAt: isoWithOffset(a.startsAt),
    endsAt: isoWithOffset(a.endsAt),
    headcount: a.headcount,
    signedUp: counts?.confirmed ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
    teamId: a.teamId,
    communityId: a.communityId,
    category: a.category as ActivityListItem['category'],
    place: { name: a.placeName, lat: a.lat, lng: a.lng, radiusM: a.radiusM },
    signInMethods: a.signInMethods as SignInMethod[],
    needsInsurance: a.needsInsurance,
    riskNotice: a.riskNotice,
  };
}

export function presentMySignup(s: SignupRow | undefined, position: number | null): Activity['mySignup'] {
  if (!s || s.status === 'cancelled') return null;
  return {
    status: s.status,
    position,
    checkedInAt: isoOrNull(s.checkinAt),
    checkedOutAt: isoOrNull(s.checkoutAt),
    creditedMinutes: s.creditedMinutes,
    serviceRecordId: s.serviceRecordId,
  };
}

export function presentActivity(
  a: ActivityRow,
  counts: { confirmed: number; waitlisted: number } | undefined,
  history: HistoryRow[],
  extra: { canManage: boolean; canReview: boolean; mySignup: Activity['mySignup'] },
): Activity {
  return {
    ...presentActivityListItem(a, counts),
    description: a.description,
    serviceItemId: a.serviceItemId,
    targetGroups: a.targetGroups as Activity['targetGroups'],
    minAge: a.minAge,
    maxAge: a.maxAge,
    minorsAllowed: a.minorsAllowed,
    skills: a.skills as Activity['skills'],
    maxCreditableMinutes: a.maxCreditableMinutes,
    seriesId: a.seriesId,
    seriesIndex: a.seriesIndex,
    recurrence: a.recurrence,
    cancelReason: a.cancelReason,
    rejectReason: a.rejectReason,
    version: a.version,
    ...extra,
    history: history.map((h) => ({
      action: h.action,
      from: h.fromStatus as ActivityStatus | null,
      to: h.toStatus,
      at: isoWithOffset(h.at),
      byUserId: h.byAccountId,
      note: h.note,
    })),
  };
}

export function presentRosterItem(
  s: SignupRow,
  name: string,
  phoneMasked: string | null,
  position: number | null,
  insured: boolean,
): RosterItem {
  return {
    volunteerId: s.volunteerId,
    name,
    phoneMasked,
    status: s.status,
    position,
    signedUpAt: isoWithOffset(s.signedUpAt),
    checkedInAt: isoOrNull(s.checkinAt),
    checkedOutAt: isoOrNull(s.checkoutAt),
    checkInMethod: s.checkinMethod,
    creditedMinutes: s.creditedMinutes,
    autoClosed: s.autoClosed,
    flagged: s.flagged,
    insured,
    serviceRecordId: s.serviceRecordId,
  };
}
