// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, setApiLanguage } from '../api-client';
import { json, mockApi, problem } from '../../testing/mock-api';

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLanguage(() => 'zh-CN');
});

describe(apiRequest.name, () => {
  it('turns a problem+json answer into an ApiError that carries the detail for the user', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        json(
          400,
          {
            type: 'https://duodi.example/problems/validation_failed',
            title: '输入有误',
            status: 400,
            detail: '请求中有 1 个字段不符合要求。',
            code: 'validation_failed',
            errors: [{ field: 'phone', message: '格式不正确' }],
          },
          'application/problem+json',
        ),
    });

    const error = await apiRequest('/api/v1/auth/login', { method: 'POST', body: { phone: '1', password: 'x' } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      title: '输入有误',
      detail: '请求中有 1 个字段不符合要求。',
      errors: [{ field: 'phone', message: '格式不正确' }],
      message: '请求中有 1 个字段不符合要求。',
    });
  });

  it('sends the UI language as Accept-Language, the session cookie and a JSON body', async () => {
    const { requests } = mockApi({ 'PATCH /api/v1/me/preferences': () => json(200, { ok: true }) });
    setApiLanguage(() => 'bo');

    await apiRequest('/api/v1/me/preferences', { method: 'PATCH', body: { language: 'bo' } });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('Accept-Language')).toBe('bo');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.credentials).toBe('include');
    expect(requests[0]?.body).toEqual({ language: 'bo' });
  });

  it('returns undefined for 204 No Content', async () => {
    mockApi({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) });
    await expect(apiRequest('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('reports a forbidden list with the server words, not a generic text', async () => {
    mockApi({ 'GET /api/v1/residents': () => problem(403, 'forbidden', 'ཁྱེད་ཀྱི་འགན་འཁྲི་འམ་ཁྱབ་ཁོངས་ཀྱིས་བྱ་བ་འདི་མི་ཆོག', 'དབང་ཚད་མེད།') });
    await expect(apiRequest('/api/v1/residents')).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      detail: 'ཁྱེད་ཀྱི་འགན་འཁྲི་འམ་ཁྱབ་ཁོངས་ཀྱིས་བྱ་བ་འདི་མི་ཆོག',
    });
  });

  it('still gives an ApiError when the error body is not a problem document', async () => {
    mockApi({ 'GET /api/v1/stats/overview': () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }) });
    await expect(apiRequest('/api/v1/stats/overview')).rejects.toMatchObject({ status: 502, code: 'http_502', detail: '' });
  });

  it('maps a network failure to status 0 and code network_error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiRequest('/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe(buildUrl.name, () => {
  it('drops empty filters and encodes the rest', () => {
    expect(buildUrl('/api/v1/volunteers', { q: '扎西 德吉', teamId: undefined, skill: '', limit: 20, cursor: null })).toBe(
      '/api/v1/volunteers?q=%E6%89%8E%E8%A5%BF+%E5%BE%B7%E5%90%89&limit=20',
    );
  });
});
