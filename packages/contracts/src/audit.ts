import { z } from 'zod';
import { IdSchema, PageQuerySchema, RoleSchema } from './schemas.js';

/* ---------- the audit log (DR-23), read by street admins ---------- */

/**
 * The actions the platform writes to the audit log (`audit_log.action`), plus the ledger's movements
 * (`ledger.transfer`, `ledger.reversal`, from the `ledger_audit` view). The console offers these in
 * its filter and labels them; a code not listed here (an older or newer one) is shown as it is.
 */
export const AUDIT_ACTIONS = [
  'service_record.create_pending',
  'service_record.verify',
  'service_record.reject',
  'service_record.backfill',
  'service_record.zero',
  'service_record.correction_request',
  'service_record.correction_accept',
  'service_record.correction_reject',
  'service_record.appeal',
  'service_record.appeal_accept',
  'service_record.appeal_reject',
  'point_rules.update',
  'ledger.transfer',
  'ledger.reversal',
  'redemption.create',
  'redemption.redeem',
  'redemption.cancel',
  'reward.create',
  'reward.update',
  'time_bank.relation_record',
  'time_bank.withdrawal_request',
  'time_bank.withdrawal_release',
  'time_bank.withdrawal_refund',
  'certificate.issue',
  'certificate.revoke',
  'certificate_request.issue',
  'certificate_request.decline',
  'star.settings',
  'star.block',
  'star_award.propose',
  'star_award.review',
  'star_award.publish',
  'star_award.award',
  'star_award.reject',
  'star_award.revoke',
  'star_award.objection',
  'star_award.objection_upheld',
  'star_award.objection_dismissed',
  'role.grant',
  'role.revoke',
  'account.recover',
  'account_recovery.reject',
  'team.leader.change',
  'team.deputy.add',
  'team.deputy.remove',
  'party_report.confirm',
  'party_report.reject',
  'volunteer.register',
  'volunteer.update',
  'insurance.add',
  'person.pseudonymise',
  'resident.create',
  'resident.update',
  'resident.update_sensitive',
  'resident.move',
  'household.create',
  'household.update',
  'import.volunteers',
  'import.residents',
  'import.commit',
  'service_item.create',
  'service_item.update',
  'service_item.teams',
  'service_item.community',
  'activity.edit',
  'demand.emergency_alert',
  'demand.no_show',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about (`audit_log.entity_type`; `ledger_account` for ledger movements). */
export const AUDIT_ENTITY_TYPES = [
  'volunteer',
  'person',
  'account',
  'service_record',
  'ledger_account',
  'redemption',
  'reward',
  'star_award',
  'team',
  'household',
  'time_bank_withdrawal',
  'point_rules',
  'street',
  'service_item',
  'activity',
  'import_job',
  'grid',
  'ledger',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** `audit`: a row of the street's audit log; `ledger`: one entry of a point or time-bank account. */
export const AUDIT_SOURCES = ['audit', 'ledger'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

const CodeSchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'code');

/**
 * `GET /audit-log`: every filter optional. `from`/`to` are dates in the street's time zone, both
 * included. `entityId` also finds the point and time-bank movements of a person (their accounts'
 * owner). `q`: words of the reason, the action or the entity id.
 */
export const AuditLogQuerySchema = PageQuerySchema.extend({
  action: CodeSchema.optional(),
  entityType: CodeSchema.optional(),
  entityId: IdSchema.optional(),
  actor: IdSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export const AuditActorSchema = z.object({
  /** The account id. */
  id: z.string(),
  /** Masked (first character or first Tibetan syllable), like the other lists. */
  name: z.string(),
  /** The account's most senior current role, null when it holds none any more. */
  role: RoleSchema.nullable(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** One change, newest first. Phones, ID numbers, addresses and people's names in the values are masked. */
export const AuditEntrySchema = z.object({
  /** The audit row's id (as verify reports it), or `ledger-<entry id>` for a ledger movement. */
  id: z.string(),
  source: z.enum(AUDIT_SOURCES),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** Null for changes the system made (jobs, the demo data, the first admin). */
  actor: AuditActorSchema.nullable(),
  /** JSON as written; a ledger movement shows the balance before and after. */
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /audit-log/verify`: the street's audit chain, and the ledger's per-account chains. */
export const AuditVerifySchema = z.object({
  /** The audit log's hash chain is intact. */
  ok: z.boolean(),
  /** Audit rows checked. */
  checked: z.number().int(),
  /** The first row whose hash or link does not match (an edited, inserted or deleted row), or null. */
  firstBrokenId: z.string().nullable(),
  ledger: z.object({
    ok: z.boolean(),
    accountsChecked: z.number().int(),
    entriesChecked: z.number().int(),
    /** The first account (by id) whose chain is broken, or null. */
    firstBrokenAccount: z.string().nullable(),
    brokenAccounts: z.number().int(),
  }),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
