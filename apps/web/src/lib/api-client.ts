import type { Problem } from '@duodi/contracts';

export type FieldProblem = { field: string; message: string; code?: string };

/** A failed API call, carrying the RFC 9457 problem the server sent (or one we made up for network failures). */
export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors: FieldProblem[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on work-order writes. */
  headers?: Record<string, string>;
};

let currentLanguage: () => string = () => 'zh-CN';

/** The UI language goes out as Accept-Language so that server messages come back in it. */
export function setApiLanguage(getLanguage: () => string): void {
  currentLanguage = getLanguage;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && (typeof v.code === 'string' || typeof v.title === 'string');
}

/** Turns a non-2xx response into an ApiError, whatever the body looks like. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isProblem(body)) {
    return new ApiError({
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status,
      detail: body.detail ?? body.title ?? '',
      code: body.code ?? `http_${response.status}`,
      errors: Array.isArray(body.errors) ? body.errors : undefined,
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: '',
    code: `http_${response.status}`,
  });
}

function baseHeaders(): Record<string, string> {
  return { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLanguage() };
}

async function send(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'include', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: 'network_error' });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Calls the platform API with the session cookie and the UI language.
 * @throws ApiError for every non-2xx answer and for network failures (status 0, code `network_error`).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers = { ...baseHeaders(), ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(buildUrl(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, signal);
  return readJson<T>(response);
}

/**
 * Sends a file as the raw request body (imports, team logos), with its own Content-Type.
 * @throws ApiError as apiRequest does.
 */
export async function apiUpload<T>(
  path: string,
  { file, method = 'POST', query, contentType }: { file: Blob; method?: 'POST' | 'PUT'; query?: Record<string, QueryValue>; contentType?: string },
): Promise<T> {
  const headers = baseHeaders();
  headers['Content-Type'] = contentType || file.type || 'application/octet-stream';
  const response = await send(buildUrl(path, query), { method, headers, body: file });
  return readJson<T>(response);
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` wins over `filename`). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/**
 * Downloads a file the API produces (exports, rosters, templates): fetched with the session and the
 * UI language (so headers of a workbook come in it), then saved under the server's file name.
 * @throws ApiError as apiRequest does, so that a 403 is shown in words instead of saved as a file.
 */
export async function apiDownload(path: string, { query, fallbackName }: { query?: Record<string, QueryValue>; fallbackName: string }): Promise<string> {
  const response = await send(buildUrl(path, query), { method: 'GET', headers: { ...baseHeaders(), Accept: '*/*' } });
  const blob = await response.blob();
  const name = dispositionFileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
