import type { PartyReport, UnitPartyMember } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import type { ReportListRow, UnitMemberRow } from './party.repository.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v));

export function presentReport(r: ReportListRow): PartyReport {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    nameBo: r.name_bo,
    communityId: r.community_id,
    communityName: r.community_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    channel: r.channel,
    status: r.status,
    reason: r.reason,
    reportedAt: isoWithOffset(toDate(r.reported_at)),
    decidedAt: isoOrNull(toDateOrNull(r.decided_at)),
  };
}

/**
 * A unit's party member as the unit admin sees them (full name: the unit's own staff). `points` is 0
 * until the ledger exists: the number is never made up.
 */
export function presentUnitMember(r: UnitMemberRow): UnitPartyMember {
  const confirmed = r.report_status === 'confirmed';
  return {
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    nameBo: r.name_bo,
    reportedAt: confirmed ? isoOrNull(toDateOrNull(r.report_reported_at)) : null,
    reportStatus: r.report_status ?? 'none',
    communityId: r.report_community_id,
    verifiedMinutes: r.verified_minutes,
    lastServiceAt: isoOrNull(toDateOrNull(r.last_service_at)),
    points: 0,
    status: r.status,
  };
}
