// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Demand, NamedPerson } from '@duodi/contracts';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';
import { COMMUNITY_ADMIN, TEAM_LEADER, demand, lookupRoutes } from './dispatch-fixtures';

const SANGYI = { communityName: '桑伊社区', communityNameBo: 'བསམ་ཡིད་སྡོད་ཁུལ།' };
const JIXIANG = { communityName: '吉祥社区', communityNameBo: 'བཀྲ་ཤིས་སྡོད་ཁུལ་' };
const PEOPLE = {
  'v-06': { name: '次仁', nameBo: 'ཚེ་རིང་', ...SANGYI },
  'v-07': { name: '拉姆', nameBo: null, ...SANGYI },
  /** Of 吉祥社区: outside the community admin's community (masked), a member of the leader's team (in full). */
  'v-09': { name: '达*', nameBo: 'ཟླ་*', ...JIXIANG },
  'v-10': { name: '白玛', nameBo: 'པད་མ་', ...SANGYI },
} satisfies Record<string, NamedPerson>;
/** GET /volunteers/{id} refuses volunteers outside the caller's scope (the cause of "志愿者 V-09" before names came with the data). */
const refusedLookups = Object.fromEntries(
  ['v-06', 'v-07', 'v-09', 'v-10'].map((id) => [`GET /api/v1/volunteers/${id}`, () => problem(404, 'not_found', '未找到')]),
);
const lookedUpOneByOne = (requests: { path: string }[]) => requests.filter((r) => r.path.startsWith('/api/v1/volunteers/'));

const detail = (patch: Partial<Demand> = {}): Demand => ({
  ...demand('dmd_c00001', { status: 'assigned', teamId: 't-bugu', volunteersNeeded: 2, volunteerIds: ['v-06'] }),
  volunteers: [{ id: 'v-06', ...PEOPLE['v-06'] }],
  beneficiary: { id: 'p-1', name: '卓*', phone: null, phoneMasked: '139****0008', address: null, languages: ['bo'] },
  history: [
    { action: 'submit', from: null, to: 'submitted', at: '2026-11-28T09:00:00+08:00', byUserId: 'u-04', by: { name: '次仁多吉', nameBo: null, ...SANGYI }, note: null },
    { action: 'publish', from: 'submitted', to: 'published', at: '2026-11-28T10:00:00+08:00', byUserId: 'u-02', by: { name: '央金卓玛', nameBo: null, ...SANGYI }, note: null },
    { action: 'assign', from: 'published', to: 'assigned', at: '2026-11-28T11:00:00+08:00', byUserId: 'u-05', by: { name: '格桑', nameBo: null, ...SANGYI }, note: null },
    { action: 'decline', from: 'assigned', to: 'assigned', at: '2026-11-28T12:00:00+08:00', byUserId: 'u-07', by: PEOPLE['v-07'], note: '那天要上班' },
    { action: 'escalate', from: 'assigned', to: 'assigned', at: '2026-11-29T12:00:00+08:00', byUserId: null, by: null, note: 'community' },
    { action: 'accept', from: 'assigned', to: 'assigned', at: '2026-11-29T13:00:00+08:00', byUserId: 'u-06', by: PEOPLE['v-06'], note: null },
  ],
  ...patch,
});

const reasons = { skills: 1, language: 0.6, distance: 0.6, availability: 0.5, workload: 1, reliability: 0.8 };

describe('console demand detail (需求详情)', () => {
  it(
    'shows history, escalations, offers and the explained ranking, and offers the demand to the selected',
    { timeout: 40_000 },
    async () => {
      const { requests } = mockApi({
        'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
        ...lookupRoutes(),
        ...refusedLookups,
        'GET /api/v1/demands/dmd_c00001': () => json(200, detail()),
        'GET /api/v1/demands/dmd_c00001/offers': () =>
          json(200, {
            items: [
              {
                id: 'of1',
                demandId: 'dmd_c00001',
                volunteerId: 'v-06',
                volunteer: PEOPLE['v-06'],
                teamId: 't-bugu',
                status: 'accepted',
                planId: null,
                declineReason: null,
                createdAt: '2026-11-28T11:00:00+08:00',
                decidedAt: '2026-11-29T13:00:00+08:00',
              },
              {
                id: 'of2',
                demandId: 'dmd_c00001',
                volunteerId: 'v-07',
                volunteer: PEOPLE['v-07'],
                teamId: 't-bugu',
                status: 'declined',
                planId: null,
                declineReason: '那天要上班',
                createdAt: '2026-11-28T11:00:00+08:00',
                decidedAt: '2026-11-28T12:00:00+08:00',
              },
              {
                id: 'of3',
                demandId: 'dmd_c00001',
                volunteerId: 'v-09',
                volunteer: PEOPLE['v-09'],
                teamId: 't-bugu',
                status: 'offered',
                planId: null,
                declineReason: null,
                createdAt: '2026-11-28T11:00:00+08:00',
                decidedAt: null,
              },
            ],
          }),
        'GET /api/v1/demands/dmd_c00001/candidates': () =>
          json(200, {
            items: [
              { volunteerId: 'v-10', volunteer: PEOPLE['v-10'], score: 80.5, reasons },
              { volunteerId: 'v-09', volunteer: PEOPLE['v-09'], score: 61, reasons },
            ],
          }),
        'POST /api/v1/dispatch-plans': () =>
          json(201, {
            id: 'plan_2',
            items: [{ demandId: 'dmd_c00001', teamId: 't-bugu', assigned: false, status: 'assigned', offeredVolunteerIds: ['v-10'] }],
            offerCount: 1,
            createdAt: '2026-11-29T14:00:00+08:00',
          }),
      });
      renderConsole('/demands/dmd_c00001');
      expect(await screen.findByRole('heading', { level: 1, name: '需求详情' })).toBeTruthy();
      expect(await screen.findByRole('heading', { level: 2, name: /陪同就医 · 单号 C00001/ })).toBeTruthy();
      expect(screen.getByText('已接 1 / 需 2 人')).toBeTruthy();
      expect(screen.getByText(/139\*\*\*\*0008/)).toBeTruthy();

      // The accepted volunteer by name and community.
      const volunteers = screen.getByText('已接 1 / 需 2 人').closest('td')!;
      expect(within(volunteers).getByText('次仁')).toBeTruthy();
      expect(within(volunteers).getByText('桑伊社区')).toBeTruthy();

      // History: every step with from → to, time and who (by name; the caller as 我, the system as 系统).
      expect(screen.getByText('已发单 → 已派队')).toBeTruthy();
      expect(screen.getAllByText(/2026年11月28日 11:00/).length).toBeGreaterThan(0);
      expect(screen.getByText(/2026年11月28日 10:00 · 我/)).toBeTruthy();
      expect(screen.getByText(/2026年11月28日 09:00 ·/).textContent).toBe('2026年11月28日 09:00 · 次仁多吉');
      expect(screen.getByText(/2026年11月28日 11:00 ·/).textContent).toBe('2026年11月28日 11:00 · 格桑');
      expect(screen.getByText(/2026年11月29日 12:00 ·/).textContent).toBe('2026年11月29日 12:00 · 系统');
      expect(screen.queryByText(/工作人员（/)).toBeNull();
      // Every kind of step has a label: a volunteer's decline is 婉拒, never the raw code.
      expect(screen.getByText('婉拒')).toBeTruthy();
      expect(screen.queryByText('decline')).toBeNull();
      expect(screen.getByText('2026年11月29日 12:00：在「已派队」环节逾期，已提交社区督办')).toBeTruthy();
    expect(screen.getByText('已提交社区督办')).toBeTruthy();

      // Offers and their answers, each volunteer named; the one of 吉祥社区 by the masked name the answer gives, not as a number.
      expect(await screen.findByText('已谢绝')).toBeTruthy();
      expect(screen.getByText('理由：那天要上班')).toBeTruthy();
      const offerRow = (text: string) => screen.getByText(text, { selector: '.ant-table-row *' }).closest('tr')!;
      expect(within(offerRow('已谢绝')).getByText('拉姆')).toBeTruthy();
      expect(within(offerRow('待答复')).getByText('达*')).toBeTruthy();
      expect(within(offerRow('待答复')).getByText('吉祥社区')).toBeTruthy();

      // The ranking explains each reason in words, and names each candidate.
      expect(await screen.findByText('80.5 分')).toBeTruthy();
      const ranking = screen.getByText('80.5 分').closest('table')!;
      expect(within(ranking).getByText('白玛')).toBeTruthy();
      expect(within(ranking).getByText('达*')).toBeTruthy();
      expect(within(ranking).queryByText('志愿者 V-09')).toBeNull();
      const best = within(screen.getByText('80.5 分').closest('tr')!);
      expect(best.getByText('具备全部所需技能')).toBeTruthy();
      expect(best.getByText('会说服务对象的另一种语言')).toBeTruthy();
      expect(best.getByText('同一社区')).toBeTruthy();
      expect(best.getByText('未登记空闲时间')).toBeTruthy();
      expect(best.getByText('近 30 天没有接单，优先照顾')).toBeTruthy();
      expect(best.getByText('评价和出勤都很好（80%）')).toBeTruthy();

      const offer = screen.getByRole('button', { name: '向所选的 0 人发出邀请' });
      expect(offer.hasAttribute('disabled')).toBe(true);
      fireEvent.click(screen.getByRole('checkbox', { name: '选择志愿者 V-10' }));
      fireEvent.click(screen.getByRole('button', { name: '向所选的 1 人发出邀请' }));
      await waitFor(() =>
        expect(requests.find((r) => r.path === '/api/v1/dispatch-plans')?.body).toEqual({
          scope: { teamId: 't-bugu' },
          assignments: [{ demandId: 'dmd_c00001', teamId: 't-bugu', volunteerIds: ['v-10'] }],
        }),
      );
      expect(await screen.findByText('已发出 1 份邀请。')).toBeTruthy();
      // Every name came with the answers: no request per volunteer.
      expect(lookedUpOneByOne(requests)).toEqual([]);
    },
  );

  it('lets the team leader record a no-show of an accepted volunteer of another community, named in full', { timeout: 40_000 }, async () => {
    const accepted = detail({
      status: 'accepted',
      volunteerIds: ['v-06', 'v-09'],
      volunteers: [
        { id: 'v-06', ...PEOPLE['v-06'] },
        { id: 'v-09', name: '达瓦', nameBo: 'ཟླ་བ་', ...JIXIANG },
      ],
    });
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, TEAM_LEADER),
      ...lookupRoutes(),
      ...refusedLookups,
      'GET /api/v1/demands/dmd_c00001': () => json(200, accepted),
      'GET /api/v1/demands/dmd_c00001/offers': () => json(200, { items: [] }),
      'POST /api/v1/demands/dmd_c00001/no-show': () => json(200, { ...accepted, status: 'assigned', volunteerIds: [] }),
    });
    renderConsole('/demands/dmd_c00001');
    const form = await screen.findByRole('form', { name: '登记爽约' });
    // No candidates for a demand already filled, and no publish/cancel for a team leader.
    expect(screen.queryByRole('heading', { name: '候选志愿者排名' })).toBeNull();
    expect(screen.queryByRole('button', { name: '取消需求' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: '登记爽约' }));
    expect(await within(form).findByText('请选择志愿者。')).toBeTruthy();
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: '爽约的志愿者' }));
    expect(await screen.findByText('次仁', { selector: '.ant-select-item-option-content *' })).toBeTruthy();
    fireEvent.click(await screen.findByText('达瓦', { selector: '.ant-select-item-option-content *' }));
    fireEvent.change(within(form).getByLabelText('说明（选填）'), { target: { value: '电话未接' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记爽约' }));
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/no-show'))?.body).toEqual({ volunteerId: 'v-09', note: '电话未接' }));
    expect(lookedUpOneByOne(requests)).toEqual([]);
  });

  it('falls back to looking a volunteer up by id, and the staff member by number, when an answer came without names', { timeout: 40_000 }, async () => {
    // An answer replayed under an Idempotency-Key that was stored before names were added has ids only.
    const { volunteers: _named, ...withoutNames } = detail({
      history: [{ action: 'submit', from: null, to: 'submitted', at: '2026-11-28T09:00:00+08:00', byUserId: 'u-04abcdef', note: null }],
    });
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      ...lookupRoutes(),
      'GET /api/v1/volunteers/v-06': () => json(200, { id: 'v-06', name: '次仁', nameBo: null }),
      'GET /api/v1/demands/dmd_c00001': () => json(200, withoutNames),
      'GET /api/v1/demands/dmd_c00001/offers': () => json(200, { items: [] }),
      'GET /api/v1/demands/dmd_c00001/candidates': () => json(200, { items: [] }),
    });
    renderConsole('/demands/dmd_c00001');
    const volunteers = (await screen.findByText('已接 1 / 需 2 人')).closest('td')!;
    expect(await within(volunteers).findByText('次仁')).toBeTruthy();
    expect(lookedUpOneByOne(requests).map((r) => r.path)).toEqual(['/api/v1/volunteers/v-06']);
    expect(screen.getByText(/2026年11月28日 09:00 ·/).textContent).toBe('2026年11月28日 09:00 · 工作人员（ABCDEF）');
  });
});
