import { isSensitiveFocusTag, type FocusTag } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { peopleScopeOf, type PeopleScope } from '../organization/index.js';

/**
 * Who may add and change residents and households: the same staff who may list them (street
 * admin: the street; community admin: their community; grid worker: their grid). Others 403.
 * @throws forbidden
 */
export function residentWriteScopeOf(actor: Actor): PeopleScope {
  return peopleScopeOf(actor);
}

/** Whether a grid (or anything placed in it) lies in the scope. */
export function gridInScope(scope: PeopleScope, place: { gridId: string | null; communityId: string | null }): boolean {
  if (scope.all) return true;
  return (
    (place.gridId !== null && scope.gridIds.includes(place.gridId)) ||
    (place.communityId !== null && scope.communityIds.includes(place.communityId))
  );
}

/** The sensitive tags (disabled, child, left-behind child) that a change of tags sets or removes. */
export function sensitiveTagChanges(before: readonly FocusTag[], after: readonly FocusTag[]): FocusTag[] {
  const added = after.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !after.includes(t));
  return [...added, ...removed].filter(isSensitiveFocusTag);
}

/**
 * Setting or removing a sensitive focus tag needs a reason (DR-21, DR-23): it goes to the audit log.
 * @throws validation_failed
 */
export function assertReasonForSensitiveTags(before: readonly FocusTag[], after: readonly FocusTag[], reason: string | undefined) {
  if (sensitiveTagChanges(before, after).length > 0 && !reason) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'reason', key: 'sensitive_tag_reason' }] });
  }
}
