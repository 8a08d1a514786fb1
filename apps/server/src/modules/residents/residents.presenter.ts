import { isSensitiveFocusTag, type FocusTag, type Household, type ResidentListItem } from '@duodi/contracts';
import { presentResident } from '../organization/index.js';
import type { HouseholdRow, PersonRow } from './residents.repository.js';

/** A resident as `GET /residents/{id}` shows it: phone and ID masked. */
export function presentResidentRow(person: PersonRow, address: string | null, focusTags: FocusTag[], thisYear: number): ResidentListItem {
  return presentResident({ person, address }, focusTags, thisYear);
}

export function presentHousehold(row: HouseholdRow, memberCount: number): Household {
  return { id: row.id, gridId: row.gridId, communityId: row.communityId, address: row.address, memberCount };
}

/**
 * Focus tags as the audit log keeps them: ordinary tags in clear, sensitive ones (disability,
 * children) only as a count plus a ciphertext that an authorised review can open (DR-21, DR-23).
 */
export function auditTags(
  tags: readonly FocusTag[],
  encrypt: (plain: string) => string,
): { focusTags: string[]; sensitiveTagsEnc?: string } {
  const sensitive = tags.filter(isSensitiveFocusTag);
  const plain: string[] = tags.filter((t) => !isSensitiveFocusTag(t));
  if (sensitive.length === 0) return { focusTags: plain };
  return { focusTags: [...plain, ...sensitive.map(() => '***')], sensitiveTagsEnc: encrypt(JSON.stringify(sensitive)) };
}

/** What the audit log keeps of a resident: masks instead of phone and ID number. */
export function auditResident(p: PersonRow, tags: readonly FocusTag[], encrypt: (plain: string) => string) {
  return {
    name: p.name,
    nameBo: p.nameBo,
    idType: p.idType,
    idNumberMasked: p.idNumberMasked,
    phoneMasked: p.phoneMasked,
    communityId: p.communityId,
    gridId: p.gridId,
    householdId: p.householdId,
    ...auditTags(tags, encrypt),
    proxyNeeded: p.proxyNeeded,
  };
}
