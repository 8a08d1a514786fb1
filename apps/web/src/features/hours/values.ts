/**
 * Copies of the contracts' constants for this area: `records.ts`, `rewards.ts` and `ledger.ts` build zod
 * schemas at top level, so importing a value from them would pull zod into the page's chunk. A test
 * (`__tests__/values.test.ts`) checks the copies against the contracts.
 */
export const SERVICE_RECORD_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const SERVICE_RECORD_SOURCES = ['demand', 'auto', 'backfill', 'import'] as const;
export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected', 'applied'] as const;
export const REDEMPTION_STATUSES = ['pending_pickup', 'redeemed', 'cancelled'] as const;
export const REWARD_LIMIT_PERIODS = ['month', 'quarter', 'year'] as const;
export const STAR_AWARD_STATUSES = ['proposed', 'reviewed', 'on_notice', 'awarded', 'rejected', 'revoked'] as const;
export const LEDGER_ENTRY_TYPES = [
  'service_earned',
  'time_deposit',
  'redeem',
  'redeem_refund',
  'adjust',
  'gift_out',
  'donation',
  'escrow_freeze',
  'escrow_release',
  'escrow_refund',
  'reversal',
] as const;
export const CERTIFICATE_LANGUAGES = ['zh', 'bo', 'bilingual'] as const;
export const FAMILY_RELATION_KINDS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'] as const;
