// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import type { NamedPerson } from '@duodi/contracts';
import type { Candidate } from '../../features/dispatch/api/demands';
import { initI18n } from '../../lib/i18n';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';
import { COMMUNITY_ADMIN, demand, lookupRoutes } from './dispatch-fixtures';

const reasons = { skills: 1, language: 1, distance: 0.6, availability: 0.5, workload: 1, reliability: 0.8 };

const SANGYI = { communityName: '桑伊社区', communityNameBo: 'བསམ་ཡིད་སྡོད་ཁུལ།' };
/** The volunteers as the answers name them; v-09 lives in 吉祥社区, outside the admin's community, so the server masks the name. */
const PEOPLE: Record<string, NamedPerson> = {
  'v-06': { name: '次仁', nameBo: 'ཚེ་རིང་', ...SANGYI },
  'v-07': { name: '拉姆', nameBo: null, ...SANGYI },
  'v-08': { name: '尼玛', nameBo: 'ཉི་མ་', ...SANGYI },
  'v-09': { name: '达*', nameBo: 'ཟླ་*', communityName: '吉祥社区', communityNameBo: 'བཀྲ་ཤིས་སྡོད་ཁུལ་' },
  'v-10': { name: '白玛', nameBo: 'པད་མ་', ...SANGYI },
};
const candidate = (volunteerId: string, score: number): Candidate => ({ volunteerId, volunteer: PEOPLE[volunteerId]!, score, reasons });
/** GET /volunteers/{id} refuses a volunteer outside the caller's scope: the screens must not depend on it. */
const volunteerRoutes = Object.fromEntries(
  Object.keys(PEOPLE).map((id) => [`GET /api/v1/volunteers/${id}`, () => problem(404, 'not_found', '未找到')]),
);
const lookedUpOneByOne = (requests: { path: string }[]) => requests.filter((r) => r.path.startsWith('/api/v1/volunteers/'));

afterAll(() => initI18n('zh-CN'));

const SUGGESTION = {
  items: [
    { demandId: 'dmd_b00001', volunteers: [candidate('v-08', 60)], unfilled: 0 },
    { demandId: 'dmd_c00001', volunteers: [candidate('v-06', 80), candidate('v-07', 70)], unfilled: 0 },
    { demandId: 'dmd_x00003', volunteers: [candidate('v-09', 50)], unfilled: 0 },
  ],
  totalCost: 140,
  greedyCost: 155.5,
  computedMs: 12.3,
};

const LISTS = {
  published: [demand('dmd_b00001', { status: 'published' })],
  assigned: [
    demand('dmd_c00001', { status: 'assigned', teamId: 't-bugu', volunteersNeeded: 2, serviceItemId: 'svc_cleanup' }),
    demand('dmd_x00003', { status: 'assigned', teamId: 't-bugu' }),
  ],
};

function routes(post: Parameters<typeof mockApi>[0][string]) {
  return {
    'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
    ...lookupRoutes(),
    ...volunteerRoutes,
    'GET /api/v1/demands': (req: { url: URL }) =>
      json(200, { items: LISTS[req.url.searchParams.get('status') as keyof typeof LISTS] ?? [], nextCursor: null }),
    'POST /api/v1/demands/suggest-dispatch': () => json(200, SUGGESTION),
    'GET /api/v1/demands/dmd_c00001/candidates': () =>
      json(200, { items: [candidate('v-06', 80), candidate('v-07', 70), candidate('v-10', 75)] }),
    'POST /api/v1/dispatch-plans': post,
  };
}

/** Opens an antd select by its accessible name and picks the option showing `text`. */
async function pick(name: string, text: RegExp) {
  const box = screen.getByRole('combobox', { name });
  fireEvent.mouseDown(box);
  const option = await screen.findByText(text, { selector: '.ant-select-item-option-content *, .ant-select-item-option-content' });
  fireEvent.click(option);
}

async function openSuggestion() {
  renderConsole('/dispatch-suggestions');
  expect(await screen.findByRole('heading', { level: 1, name: '建议派单' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '生成建议' }));
  expect(await screen.findByText(/比逐个分配节省 15.5。/)).toBeTruthy();
}

describe('console suggested dispatch (建议派单)', () => {
  it(
    'sends the edited plan to /dispatch-plans: a replaced and a removed volunteer, a chosen team, a dropped demand',
    { timeout: 40_000 },
    async () => {
      const { requests } = mockApi(
        routes(() =>
          json(201, {
            id: 'plan_1',
            items: [
              { demandId: 'dmd_c00001', teamId: 't-bugu', assigned: false, status: 'assigned', offeredVolunteerIds: ['v-10'] },
              { demandId: 'dmd_b00001', teamId: 't-bugu', assigned: true, status: 'assigned', offeredVolunteerIds: ['v-08'] },
            ],
            offerCount: 2,
            createdAt: '2026-11-29T10:00:00+08:00',
          }),
        ),
      );
      await openSuggestion();
      expect(requests.find((r) => r.path === '/api/v1/demands/suggest-dispatch')?.body).toEqual({ communityId: 'c-sangyi' });

      const cleanup = await screen.findByRole('article', { name: /环境清扫 · 单号 C00001/ });
      expect(within(cleanup).getByText('次仁')).toBeTruthy();
      expect(within(cleanup).getByText('拉姆')).toBeTruthy();
      // The volunteer of another community shows by the (masked) name and community the answer gives, not as a number.
      const third = screen.getByRole('article', { name: /单号 X00003/ });
      expect(within(third).getByText('达*')).toBeTruthy();
      expect(within(third).getByText('吉祥社区')).toBeTruthy();
      expect(within(third).queryByText('志愿者 V-09')).toBeNull();
      // Remove 拉姆, replace 次仁 by 白玛 from the demand's candidates.
      fireEvent.click(within(cleanup).getByRole('button', { name: '移除志愿者 V-07' }));
      await pick('替换志愿者 V-06', /白玛/);
      await waitFor(() => expect(within(cleanup).getByText('白玛')).toBeTruthy());
      expect(within(cleanup).queryByText('次仁')).toBeNull();
      expect(within(cleanup).getByText(/成本 125（空缺 1 人）/)).toBeTruthy();

      // The published demand needs a team before accepting.
      fireEvent.click(screen.getByRole('button', { name: '采纳并派单（3 个需求）' }));
      expect(await screen.findByText('有 1 个需求还没有选择队伍。')).toBeTruthy();
      expect(requests.some((r) => r.path === '/api/v1/dispatch-plans')).toBe(false);
      const published = screen.getByRole('article', { name: /陪同就医 · 单号 B00001/ });
      fireEvent.mouseDown(within(published).getByRole('combobox', { name: '队伍' }));
      fireEvent.click(await screen.findByText('布谷响铃志愿服务队', { selector: '.ant-select-item-option-content' }));

      // Leave the third demand out.
      fireEvent.click(within(screen.getByRole('article', { name: /单号 X00003/ })).getByRole('button', { name: '不派此单' }));
      fireEvent.click(screen.getByRole('button', { name: '采纳并派单（2 个需求）' }));

      await waitFor(() =>
        expect(requests.find((r) => r.path === '/api/v1/dispatch-plans')?.body).toEqual({
          scope: { communityId: 'c-sangyi' },
          assignments: [
            { demandId: 'dmd_b00001', teamId: 't-bugu', volunteerIds: ['v-08'] },
            { demandId: 'dmd_c00001', teamId: 't-bugu', volunteerIds: ['v-10'] },
          ],
        }),
      );
      expect(await screen.findByText('已派出 2 个需求，发出 2 份邀请。')).toBeTruthy();
      expect(requests.find((r) => r.path === '/api/v1/dispatch-plans')?.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
      // Names came with the suggestion and the candidates: no request per volunteer.
      expect(lookedUpOneByOne(requests)).toEqual([]);
    },
  );

  it('shows the conflicts of a refused plan on the demands they are about', { timeout: 40_000 }, async () => {
    mockApi(
      routes(() => {
        const body = {
          type: 'https://duodi.example/problems/conflict',
          title: '冲突',
          status: 409,
          detail: '有 1 个需求已经变化，方案没有执行。',
          code: 'conflict',
          errors: [{ field: 'assignments.0.demandId', message: '该需求已由其他队伍认领' }],
        };
        return json(409, body, 'application/problem+json');
      }),
    );
    await openSuggestion();
    const published = await screen.findByRole('article', { name: /陪同就医 · 单号 B00001/ });
    fireEvent.mouseDown(within(published).getByRole('combobox', { name: '队伍' }));
    fireEvent.click(await screen.findByText('布谷响铃志愿服务队', { selector: '.ant-select-item-option-content' }));
    fireEvent.click(screen.getByRole('button', { name: '采纳并派单（3 个需求）' }));
    expect(await within(published).findByText('此单无法派出：该需求已由其他队伍认领')).toBeTruthy();
    expect(screen.getByText('派单方案未被接受，没有任何改动')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: /单号 C00001/ })).queryByText(/此单无法派出/)).toBeNull();
  });

  it('says so when the scope is refused', { timeout: 20_000 }, async () => {
    mockApi({
      ...routes(() => json(201, {})),
      'POST /api/v1/demands/suggest-dispatch': () => problem(403, 'forbidden', '您不能为这个社区生成建议。'),
    });
    renderConsole('/dispatch-suggestions');
    fireEvent.click(await screen.findByRole('button', { name: '生成建议' }));
    expect(await screen.findByText('您不能为这个社区生成建议。')).toBeTruthy();
  });

  it('shows the Tibetan names (and the Chinese one, marked, where there is none) in the Tibetan UI', { timeout: 40_000 }, async () => {
    const { requests } = mockApi({
      ...routes(() => json(201, {})),
      'GET /api/v1/me': () => json(200, { ...COMMUNITY_ADMIN, language: 'bo' }),
    });
    await initI18n('bo');
    renderConsole('/dispatch-suggestions');
    fireEvent.click(await screen.findByRole('button', { name: 'གྲོས་འགོ་བཟོ།' }));
    const cleanup = await screen.findByRole('article', { name: /C00001/ });
    expect(within(cleanup).getByText('ཚེ་རིང་')).toBeTruthy();
    expect(within(cleanup).getByText('拉姆').getAttribute('lang')).toBe('zh-CN');
    expect(within(cleanup).getAllByText('བསམ་ཡིད་སྡོད་ཁུལ།').length).toBe(2);
    const third = screen.getByRole('article', { name: /X00003/ });
    expect(within(third).getByText('ཟླ་*')).toBeTruthy();
    expect(within(third).getByText('བཀྲ་ཤིས་སྡོད་ཁུལ་')).toBeTruthy();
    expect(lookedUpOneByOne(requests)).toEqual([]);
  });
});
