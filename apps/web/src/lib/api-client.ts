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

/**
 * Calls the platform API with the session cookie and the UI language.
 * @throws ApiError for every non-2xx answer and for network failures (status 0, code `network_error`).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: 'network_error' });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
