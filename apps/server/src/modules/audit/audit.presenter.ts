import { maskIdNumber, maskName, maskPhone, type AuditActor, type AuditEntry, type Role } from '@duodi/contracts';
import { isoWithOffset } from '../../platform/http/time.js';
import { maskAddress } from '../visits/index.js';
import type { ActorRow, EntryRow } from './audit.repository.js';

/** The role shown beside an actor: the most senior one the account holds now. */
const ROLE_ORDER: readonly Role[] = [
  'street_admin',
  'community_admin',
  'grid_worker',
  'team_leader',
  'unit_admin',
  'merchant',
  'party_member',
  'volunteer',
  'resident',
];

export function presentActor(row: ActorRow): AuditActor {
  const held = new Set(row.roles ?? []);
  return { id: row.id, name: maskName(row.name), role: ROLE_ORDER.find((r) => held.has(r)) ?? null };
}

/**
 * Where the audit values hold people's data (grep of every appendAudit call):
 * - resident.create / resident.update(_sensitive): `name`, `nameBo`, `phoneMasked`, `idNumberMasked`,
 *   `sensitiveTagsEnc` (the sensitive focus tags, encrypted);
 * - household.create / household.update: `address`;
 * - person.pseudonymise: `name` (the pseudonym);
 * - account.recover, account_recovery.reject: `phoneMasked`.
 * Phones and ID numbers are stored masked already; they are masked again here in case a raw one was
 * ever written. Names are masked only where the entity is a person (`name` of a reward, a service
 * item or an activity's place is not personal).
 */
const PERSON_ENTITIES = new Set(['person', 'volunteer', 'account', 'household']);
const NAME_KEYS = new Set(['name', 'nameBo']);
const PHONE_KEYS = new Set(['phone', 'phoneMasked']);
const ID_NUMBER_KEYS = new Set(['idNumber', 'idNumberMasked']);
const ADDRESS_KEYS = new Set(['address']);
const HIDDEN_KEYS = new Set(['sensitiveTagsEnc']);

// A mobile number or an 18-character ID number anywhere in free text (a reason, a note).
const PHONE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Free text with any phone or ID number in it masked. */
export function maskText(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(PHONE_IN_TEXT, (m) => maskPhone(m));
}

const alreadyMasked = (v: string) => v.includes('*');
const MAX_DEPTH = 8;

// Some modules write this word instead of the value (volunteer.update: `phone`, `nameBo`).
const CHANGED_MARKER = 'changed';

function maskField(key: string, value: string, personal: boolean): string {
  if (HIDDEN_KEYS.has(key)) return '***';
  if (value === CHANGED_MARKER) return value;
  if (PHONE_KEYS.has(key)) return alreadyMasked(value) || !/\d/.test(value) ? value : maskPhone(value);
  if (ID_NUMBER_KEYS.has(key)) return alreadyMasked(value) || !/\d/.test(value) ? value : maskIdNumber(value);
  if (ADDRESS_KEYS.has(key)) return maskAddress(value);
  if (personal && NAME_KEYS.has(key)) return maskName(value);
  return maskText(value);
}

function maskValue(value: unknown, personal: boolean, key: string | null, depth: number): unknown {
  if (typeof value === 'string') return key === null ? maskText(value) : maskField(key, value, personal);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, personal, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, personal, k, depth + 1)]));
}

/** An audit value as street staff may see it: phones, ID numbers, addresses and people's names masked. */
export function maskAuditValue(value: unknown, entityType: string): unknown {
  return maskValue(value ?? null, PERSON_ENTITIES.has(entityType), null, 0);
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export const entryId = (r: Pick<EntryRow, 'source' | 'id'>) => (r.source === 'ledger' ? `ledger-${r.id}` : String(r.id));

export function presentEntry(r: EntryRow, actors: Map<string, AuditActor>): AuditEntry {
  return {
    id: entryId(r),
    source: r.source,
    at: isoWithOffset(toDate(r.at)),
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actor: r.actor_account_id ? (actors.get(r.actor_account_id) ?? { id: r.actor_account_id, name: '', role: null }) : null,
    oldValue: maskAuditValue(r.old_value, r.entity_type),
    newValue: maskAuditValue(r.new_value, r.entity_type),
    reason: r.reason === null ? null : maskText(r.reason),
  };
}
