import type { RecoveryRequest } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import type { RequestListRow } from './recovery.repository.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** Staff see masks only: the ID number and the new phone are never shown in full. */
export function presentRequest(r: RequestListRow): RecoveryRequest {
  return {
    id: r.id,
    name: r.name,
    nameBo: r.name_bo,
    nameMatches: r.name_matches,
    idType: r.id_type,
    idNumberMasked: r.id_number_masked ?? '',
    phoneMasked: r.phone_masked,
    communityId: r.community_id,
    communityName: r.community_name,
    hasAccount: r.has_account,
    status: r.status,
    reason: r.reason,
    createdAt: isoWithOffset(toDate(r.created_at)),
    expiresAt: isoWithOffset(toDate(r.expires_at)),
    decidedAt: isoOrNull(r.decided_at === null ? null : toDate(r.decided_at)),
  };
}
