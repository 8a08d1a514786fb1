import { ERROR_STATUS, type ErrorCode } from '@duodi/contracts';

export interface FieldProblem {
  field: string;
  /** i18n key under `fields.` (required, invalid_format …) or a ready message. */
  key: string;
  params?: Record<string, unknown>;
}

/**
 * The one error type of the platform. `code` is a stable API.md code; the HTTP status and the
 * localized message follow from it, so a service never picks a status or writes user text.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, extra: { fields?: FieldProblem[]; headers?: Record<string, string> } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.params = params;
    this.fields = extra.fields;
    this.headers = extra.headers;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
