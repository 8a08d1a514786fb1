// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Demand, Grid, Me, ServiceItemDto } from '@duodi/contracts';
import { RESIDENT } from '../../testing/fixtures';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';
import { initI18n } from '../../lib/i18n';

const MEAL: ServiceItemDto = {
  id: 'svc_meal',
  name: '助餐送餐',
  nameBo: 'ཁ་ལག་སྐྱེལ་བ།',
  nameEn: 'Meal delivery',
  category: 'elderly_care',
  skills: [],
  languages: [],
  typicalMinutes: 90,
  volunteersNeeded: 1,
  description: null,
  teamIds: ['t-bugu'],
  active: true,
  disabledCommunityIds: [],
};
const REPAIR: ServiceItemDto = {
  ...MEAL,
  id: 'svc_repair',
  name: '小家电维修',
  nameBo: null,
  nameEn: 'Small repairs',
  category: 'neighbourhood',
  typicalMinutes: 45,
};
const MENU = { items: [MEAL, REPAIR], nextCursor: null };

const DEMAND: Demand = {
  id: 'dmd_0001',
  status: 'submitted',
  serviceItemId: 'svc_meal',
  description: '助餐送餐',
  streetId: 's-duodi',
  communityId: 'c-sangyi',
  gridId: 'g-1',
  teamId: null,
  volunteerIds: [],
  volunteersNeeded: 1,
  channel: 'app',
  urgency: 'normal',
  requesterId: 'p-08',
  beneficiary: null,
  preferredStart: null,
  preferredEnd: null,
  slaDueAt: null,
  overdue: false,
  rating: null,
  ratingComment: null,
  reworkCount: 0,
  feeFlag: false,
  rejectReason: null,
  cancelReason: null,
  followUp: null,
  version: 1,
  createdAt: '2026-11-29T10:00:00+08:00',
  updatedAt: '2026-11-29T10:00:00+08:00',
  history: [{ action: 'submit', from: null, to: 'submitted', at: '2026-11-29T10:00:00+08:00', byUserId: 'u-08', note: null }],
};

const VOLUNTEER: Me = {
  ...RESIDENT,
  id: 'u-06',
  name: '格桑',
  nameBo: null,
  personId: 'p-06',
  volunteerId: 'v-06',
  roles: ['volunteer'],
  teamIds: ['t-bugu'],
  assignments: [{ role: 'volunteer', scopeType: 'team', scopeId: 't-bugu', scopeName: '布谷响铃' }],
};

const GRID_WORKER: Me = {
  ...RESIDENT,
  id: 'u-04',
  name: '央金',
  nameBo: null,
  personId: 'p-04',
  roles: ['grid_worker'],
  assignments: [{ role: 'grid_worker', scopeType: 'grid', scopeId: 'g-1', scopeName: '桑伊社区第一网格' }],
};

const GRID: Grid = {
  id: 'g-1',
  code: 'SY-01',
  name: '桑伊社区第一网格',
  nameBo: null,
  communityId: 'c-sangyi',
  gridWorker: null,
  partyBranch: '第一支部',
  partyContactName: '扎西',
  householdCount: 120,
  residentCount: 400,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('H5 one-tap ordering (点单)', () => {
  it('sends the item, the grid, the chosen window and urgency with an Idempotency-Key, then shows the order number', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/service-items': () => json(200, MENU),
      'POST /api/v1/demands': (req) => json(201, { ...DEMAND, ...(req.body as object), id: 'dmd_0042' }),
    });
    renderH5('/services/svc_meal/order');
    expect(await screen.findByText('助餐送餐')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '明天上午' }));
    fireEvent.click(screen.getByRole('radio', { name: '比较急' }));
    fireEvent.click(screen.getByRole('button', { name: '确认下单' }));

    expect(await screen.findByText('下单成功')).toBeTruthy();
    expect(screen.getByText('dmd_0042')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/demands');
    const body = post?.body as Record<string, string>;
    expect(body).toMatchObject({ serviceItemId: 'svc_meal', description: '助餐送餐', gridId: 'g-1', urgency: 'urgent', channel: 'app' });
    const start = new Date(body.preferredStart!);
    const end = new Date(body.preferredEnd!);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect([start.getDate(), start.getHours(), end.getHours()]).toEqual([tomorrow.getDate(), 9, 12]);
    expect(body.preferredStart).toMatch(/^\d{4}-\d{2}-\d{2}T09:00:00[+-]\d{2}:\d{2}$/);
    expect(post?.headers.get('Idempotency-Key')).toMatch(/.{8,}/);
    expect(screen.getByRole('link', { name: '查看订单' }).getAttribute('href')).toBe('/orders/dmd_0042');
  });

  it('sends what the resident wrote and no window for "any time"; a flagged fee is explained', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/service-items': () => json(200, MENU),
      'POST /api/v1/demands': () => json(201, { ...DEMAND, feeFlag: true }),
    });
    renderH5('/services/svc_meal/order');
    fireEvent.change(await screen.findByLabelText(/想说明的情况/), { target: { value: '  中午送一份饭，给50块辛苦费  ' } });
    fireEvent.click(screen.getByRole('button', { name: '确认下单' }));
    expect(await screen.findByText(/志愿服务是免费的/)).toBeTruthy();
    const body = requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toEqual({
      serviceItemId: 'svc_meal',
      description: '中午送一份饭，给50块辛苦费',
      gridId: 'g-1',
      urgency: 'normal',
      channel: 'app',
    });
  });

  it('shows the 110/119/120 guidance of an emergency answer with call links, and no order number', async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/service-items': () => json(200, MENU),
      'POST /api/v1/demands': () =>
        problem(422, 'emergency_not_volunteer_service', '这像是紧急情况：请立即拨打 119。已通知网格长，此需求不会进入志愿服务派单。'),
    });
    renderH5('/services/svc_meal/order');
    fireEvent.change(await screen.findByLabelText(/想说明的情况/), { target: { value: '楼下着火了' } });
    fireEvent.click(screen.getByRole('button', { name: '确认下单' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('这是紧急情况，请马上打电话求助')).toBeTruthy();
    expect(within(alert).getByText(/请立即拨打 119/)).toBeTruthy();
    expect(within(alert).getByRole('link', { name: '拨打 119（火警）' }).getAttribute('href')).toBe('tel:119');
    expect(within(alert).queryByRole('link', { name: /110/ })).toBeNull();
    expect(screen.queryByText('下单成功')).toBeNull();
  });

  it('lists the menu by category with localized names in Tibetan', async () => {
    // The saved preference of the signed-in resident is Tibetan, so the layout keeps it.
    mockApi({ 'GET /api/v1/me': () => json(200, { ...RESIDENT, language: 'bo' }), 'GET /api/v1/service-items': () => json(200, MENU) });
    await initI18n('bo');
    renderH5('/services');
    expect(await screen.findByRole('heading', { name: 'རྒན་འཁོགས་ཞབས་ཞུ།' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /ཁ་ལག་སྐྱེལ་བ།/ }).getAttribute('href')).toBe('/services/svc_meal/order');
    // No Tibetan name: the Chinese one, marked as Chinese for screen readers and fonts.
    expect(screen.getByText('小家电维修').getAttribute('lang')).toBe('zh-CN');
  });
});

describe('H5 order detail: rating', () => {
  it('sends a 不满意 rating and says the order went back for rework (重办)', async () => {
    const completed: Demand = { ...DEMAND, status: 'completed', teamId: 't-bugu', volunteerIds: ['v-06'], version: 6 };
    let current = completed;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/demands/dmd_0001': () => json(200, current),
      'POST /api/v1/demands/dmd_0001/rate': () => {
        current = { ...completed, status: 'accepted', reworkCount: 1, version: 7 };
        return json(200, current);
      },
    });
    renderH5('/orders/dmd_0001');
    fireEvent.click(await screen.findByRole('radio', { name: '2 分 · 不满意' }));
    expect(screen.getByText(/退回给志愿者重新服务一次/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/想说的话/), { target: { value: '饭菜是凉的' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/志愿者会重新上门服务一次/);
    // The order went back to 志愿者接单; the rating form is gone.
    expect(screen.getByRole('list', { name: '订单进度' }).querySelector('[aria-current="step"]')?.textContent).toContain('志愿者接单');
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ score: 2, comment: '饭菜是凉的' });
  });
});

describe('H5 order detail: cancel and close', () => {
  it('asks the resident for a reason before cancelling and sends it', async () => {
    let current: Demand = { ...DEMAND, status: 'published', version: 2 };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/demands/dmd_0001': () => json(200, current),
      'POST /api/v1/demands/dmd_0001/cancel': (req) => {
        current = { ...current, status: 'cancelled', cancelReason: (req.body as { reason: string }).reason, version: 3 };
        return json(200, current);
      },
    });
    renderH5('/orders/dmd_0001');
    fireEvent.click(await screen.findByRole('button', { name: '取消订单' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消订单' }));
    expect(await screen.findByText('请填写取消原因。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/取消原因/), { target: { value: '家人已经帮忙了' } });
    fireEvent.click(screen.getByRole('button', { name: '确认取消订单' }));
    expect(await screen.findByText('家人已经帮忙了')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '家人已经帮忙了' });
    expect(screen.queryByRole('button', { name: '取消订单' })).toBeNull();
  });

  it('lets the grid worker close a rated order of the grid with a follow-up note', async () => {
    let current: Demand = { ...DEMAND, status: 'rated', rating: 5, requesterId: 'p-08', version: 8 };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, GRID_WORKER),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/demands/dmd_0001': () => json(200, current),
      'POST /api/v1/demands/dmd_0001/close': (req) => {
        current = { ...current, status: 'closed', followUp: (req.body as { followUp: string }).followUp, version: 9 };
        return json(200, current);
      },
    });
    renderH5('/orders/dmd_0001');
    expect(await screen.findByText('5 分 · 非常满意')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/回访记录/), { target: { value: '电话回访，老人很满意' } });
    fireEvent.click(screen.getByRole('button', { name: '回访结案' }));
    expect(await screen.findByText('电话回访，老人很满意')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ followUp: '电话回访，老人很满意' });
    await waitFor(() => expect(screen.queryByRole('button', { name: '回访结案' })).toBeNull());
    expect(screen.getByText('已结案')).toBeTruthy();
  });
});

describe('H5 volunteer task', () => {
  it('completes with the minutes from the stepper (default: the item’s typical time) and a summary', async () => {
    const inService: Demand = {
      ...DEMAND,
      status: 'in_service',
      teamId: 't-bugu',
      volunteerIds: ['v-06'],
      version: 5,
      beneficiary: {
        id: 'p-08',
        name: '次仁卓玛',
        phone: '13900000008',
        phoneMasked: '139****0008',
        address: '桑伊社区 3 栋 2 单元',
        languages: ['bo', 'zh'],
      },
    };
    let current = inService;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/demands/dmd_0001': () => json(200, current),
      'POST /api/v1/demands/dmd_0001/complete': () => {
        current = { ...inService, status: 'completed', version: 6 };
        return json(200, current);
      },
    });
    renderH5('/tasks/dmd_0001');
    expect((await screen.findByRole('link', { name: '拨打 13900000008' })).getAttribute('href')).toBe('tel:13900000008');
    const minutes = (await screen.findByLabelText('服务时长（分钟）')) as HTMLInputElement;
    expect(minutes.value).toBe('90');
    fireEvent.click(screen.getByRole('button', { name: '增加 10 分钟' }));
    fireEvent.click(screen.getByRole('button', { name: '增加 10 分钟' }));
    fireEvent.click(screen.getByRole('button', { name: '减少 10 分钟' }));
    expect(minutes.value).toBe('100');
    fireEvent.click(screen.getByRole('button', { name: '完成服务' }));
    expect(await screen.findByText('请填写服务小结。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/服务小结/), { target: { value: '送了午饭，陪老人聊天' } });
    fireEvent.click(screen.getByRole('button', { name: '完成服务' }));
    expect(await screen.findByText(/服务已完成，谢谢您/)).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ minutes: 100, summary: '送了午饭，陪老人聊天' });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('offers accept and decline (with an optional reason) before showing any contact', async () => {
    const assigned: Demand = {
      ...DEMAND,
      status: 'assigned',
      teamId: 't-bugu',
      version: 3,
      beneficiary: { id: 'p-08', name: '次**', phone: null, phoneMasked: '139****0008', address: null, languages: ['bo'] },
    };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/demands/dmd_0001': () => json(200, assigned),
      'GET /api/v1/me/offers': () =>
        json(200, {
          items: [
            {
              id: 'off_1',
              status: 'offered',
              teamId: 't-bugu',
              createdAt: '2026-11-29T10:05:00+08:00',
              expiresAt: '2026-11-30T10:05:00+08:00',
              demand: { ...assigned, acceptedCount: 0 },
            },
          ],
          nextCursor: null,
        }),
      'POST /api/v1/demands/dmd_0001/decline': () => json(200, { offer: { id: 'off_1', status: 'declined' }, openOffers: 0 }),
    });
    renderH5('/tasks/dmd_0001');
    expect(await screen.findByText('接单后可以看到住址和电话。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '接单' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '婉拒' }));
    fireEvent.change(screen.getByLabelText(/婉拒原因/), { target: { value: '这周不在拉萨' } });
    fireEvent.click(screen.getByRole('button', { name: '确认婉拒' }));
    expect(await screen.findByText(/已婉拒/)).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '这周不在拉萨' });
  });
});

describe('H5 volunteer offers', () => {
  it('lists my tasks, the offers made to me and my team’s open demands; an open demand without an offer can only be accepted', async () => {
    const accepted: Demand = { ...DEMAND, id: 'dmd_0002', status: 'accepted', teamId: 't-bugu', volunteerIds: ['v-06'] };
    const open: Demand = { ...DEMAND, id: 'dmd_0003', status: 'assigned', teamId: 't-bugu', serviceItemId: 'svc_repair', version: 2 };
    let current = open;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/me/offers': () =>
        json(200, {
          items: [
            {
              id: 'off_9',
              status: 'offered',
              teamId: 't-bugu',
              createdAt: '2026-11-29T10:05:00+08:00',
              expiresAt: '2026-11-30T10:05:00+08:00',
              demand: {
                ...DEMAND,
                id: 'dmd_0009',
                status: 'assigned',
                description: '周六帮忙打扫楼道',
                acceptedCount: 1,
                volunteersNeeded: 4,
              },
            },
          ],
          nextCursor: null,
        }),
      'GET /api/v1/demands': (req) => {
        const status = req.url.searchParams.get('status');
        const items = status === 'accepted' ? [accepted] : status === 'assigned' ? [open] : [];
        return json(200, { items, nextCursor: null });
      },
      'GET /api/v1/demands/dmd_0003': () => json(200, current),
      'POST /api/v1/demands/dmd_0003/accept': () => {
        current = { ...open, status: 'accepted', volunteerIds: ['v-06'], version: 3 };
        return json(200, current);
      },
    });
    renderH5('/offers');
    const tasks = await screen.findByRole('region', { name: '我的任务' });
    expect((await within(tasks).findByRole('link', { name: /助餐送餐/ })).getAttribute('href')).toBe('/tasks/dmd_0002');
    const offered = screen.getByRole('region', { name: '邀请我接的单' });
    const offer = await within(offered).findByRole('link', { name: /周六帮忙打扫楼道/ });
    expect(offer.getAttribute('href')).toBe('/tasks/dmd_0009');
    expect(within(offer).getByText('已接单 1 / 需要 4 人')).toBeTruthy();
    const teamOpen = await screen.findByRole('region', { name: '本队还缺人的需求' });
    fireEvent.click(within(teamOpen).getByRole('link', { name: /小家电维修/ }));

    fireEvent.click(await screen.findByRole('button', { name: '接单' }));
    expect(screen.queryByRole('button', { name: '婉拒' })).toBeNull();
    expect(await screen.findByRole('button', { name: '开始服务' })).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect([post?.path, post?.body]).toEqual(['/api/v1/demands/dmd_0003/accept', {}]);
  });
});

describe('H5 grid worker: chat intake', () => {
  it('drafts demands from pasted messages, highlights an emergency, and confirms a draft as an order by chat', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, GRID_WORKER),
      'GET /api/v1/service-items': () => json(200, MENU),
      'GET /api/v1/grids': () => json(200, { items: [GRID], nextCursor: null }),
      'GET /api/v1/residents': () =>
        json(200, {
          items: [
            { id: 'p-08', name: '次仁卓玛', nameBo: null, phoneMasked: '139****0008', address: '3 栋 2 单元', gridId: 'g-1', age: 78 },
          ],
          nextCursor: null,
        }),
      'POST /api/v1/demands/intake': () =>
        json(200, {
          items: [
            {
              sourceText: '3栋次仁卓玛阿姨想找人送午饭',
              sender: '网格群',
              postedAt: null,
              language: 'zh',
              serviceItemId: 'svc_meal',
              confidence: 0.82,
              alternatives: [],
              gridId: 'g-1',
              urgency: 'normal',
              contactPhone: null,
              beneficiaryHint: '次仁卓玛',
              emergency: null,
              feeFlag: false,
              reasons: [],
            },
            {
              sourceText: '5栋楼道冒烟了',
              sender: null,
              postedAt: null,
              language: 'zh',
              serviceItemId: null,
              confidence: 0,
              alternatives: [],
              gridId: 'g-1',
              urgency: 'urgent',
              contactPhone: null,
              beneficiaryHint: null,
              emergency: { kind: 'fire', call: '119' },
              feeFlag: false,
              reasons: [],
            },
            {
              sourceText: '7栋电饭锅坏了',
              sender: null,
              postedAt: null,
              language: 'zh',
              serviceItemId: null,
              confidence: 0.3,
              alternatives: [{ serviceItemId: 'svc_repair', score: 3 }],
              gridId: null,
              urgency: 'normal',
              contactPhone: '13912345678',
              beneficiaryHint: null,
              emergency: null,
              feeFlag: false,
              reasons: [],
            },
          ],
        }),
      'POST /api/v1/demands': () => json(201, { ...DEMAND, id: 'dmd_0077', channel: 'chat' }),
    });
    renderH5('/intake');
    fireEvent.change(await screen.findByLabelText(/粘贴网格微信群的消息/), {
      target: { value: '3栋次仁卓玛阿姨想找人送午饭\n5栋楼道冒烟了' },
    });
    fireEvent.click(screen.getByRole('button', { name: '生成需求草稿' }));

    const first = await screen.findByRole('article', { name: /草稿 1/ });
    expect(first.querySelector('.intake-draft__source')?.textContent).toBe('网格群: 3栋次仁卓玛阿姨想找人送午饭');
    const second = screen.getByRole('article', { name: /草稿 2 · 紧急情况/ });
    expect(within(second).getByRole('link', { name: '拨打 119（火警）' }).getAttribute('href')).toBe('tel:119');
    expect(within(second).queryByRole('button', { name: '确认生成订单' })).toBeNull();
    const third = screen.getByRole('article', { name: /草稿 3 · 未识别服务项目/ });
    expect(await within(third).findByText('可能是：小家电维修')).toBeTruthy();
    expect(within(third).getByText(/联系电话 13912345678/)).toBeTruthy();
    // An unknown grid falls back to the worker's only grid.
    expect((within(third).getByLabelText('网格') as HTMLSelectElement).value).toBe('g-1');
    expect(requests.find((r) => r.path === '/api/v1/demands/intake')?.body).toEqual({
      text: '3栋次仁卓玛阿姨想找人送午饭\n5栋楼道冒烟了',
      gridId: 'g-1',
    });

    const beneficiary = within(first).getByLabelText(/服务对象/) as HTMLSelectElement;
    await waitFor(() => expect(beneficiary.value).toBe('p-08'));
    fireEvent.click(within(first).getByRole('radio', { name: '比较急' }));
    fireEvent.click(within(first).getByRole('button', { name: '确认生成订单' }));
    expect(await within(first).findByText('已生成订单 dmd_0077。')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST' && r.path === '/api/v1/demands')?.body).toEqual({
      serviceItemId: 'svc_meal',
      description: '3栋次仁卓玛阿姨想找人送午饭',
      gridId: 'g-1',
      urgency: 'urgent',
      channel: 'chat',
      beneficiaryId: 'p-08',
    });
  });
});
