/**
 * Stable machine error codes of the public API (API.md), declared once for server and web.
 * Each maps to exactly one HTTP status; the human message comes from the i18n catalogs.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  second_approver_required: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  idempotency_key_reused: 409,
  duplicate_id_number: 409,
  out_of_stock: 409,
  already_checked_in: 409,
  not_checked_in: 409,
  overlapping_signup: 409,
  already_team_member: 409,
  team_request_pending: 409,
  leader_must_hand_over: 409,
  duplicate_team_name: 409,
  party_report_pending: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unsupported_image_type: 415,
  insufficient_balance: 422,
  not_a_relative: 422,
  below_withdraw_age: 422,
  star_level_required: 422,
  redemption_limit_reached: 422,
  star_blocked: 422,
  not_team_member: 422,
  guardian_consent_required: 422,
  not_eligible: 422,
  token_expired: 422,
  outside_geofence: 422,
  not_signed_up: 422,
  insurance_missing: 422,
  token_invalid: 422,
  emergency_not_volunteer_service: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
