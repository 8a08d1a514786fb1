import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

/**
 * The audit log is read by the street's admins only: it spans every community, and the old and new
 * values of people's records. Community admins, team leaders, grid workers and everyone else: 403.
 * @throws forbidden
 */
export function assertCanReadAudit(actor: Actor): void {
  if (!actor.assignments.some((a) => a.role === 'street_admin' && a.scopeType === 'street' && a.scopeId === actor.streetId)) {
    throw new AppError('forbidden');
  }
}
