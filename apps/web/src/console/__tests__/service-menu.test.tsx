// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';
import { COMMUNITY_ADMIN, MENU, STREET_ADMIN, lookupRoutes } from './dispatch-fixtures';

describe('console service menu (项目清单)', () => {
  it('validates an edit before sending and sends only what changed', { timeout: 40_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, STREET_ADMIN),
      ...lookupRoutes(),
      'PATCH /api/v1/service-items/svc_escort': (req) => json(200, { ...MENU[0], ...(req.body as object) }),
    });
    renderConsole('/service-menu');
    expect(await screen.findByRole('heading', { level: 1, name: '项目清单' })).toBeTruthy();
    expect(await screen.findByText('Hospital escort')).toBeTruthy();
    expect(screen.getByRole('button', { name: '新增服务项目' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '修改陪同就医' }));
    const drawer = await screen.findByRole('dialog');
    const minutes = within(drawer).getByLabelText('一般用时');
    const nameBo = within(drawer).getByLabelText(/名称（藏文）/);
    fireEvent.change(minutes, { target: { value: '2' } });
    fireEvent.change(nameBo, { target: { value: '陪同就医' } });
    fireEvent.change(within(drawer).getByLabelText('名称（中文）'), { target: { value: '   ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请填写 5–1440 之间的整数分钟。')).toBeTruthy();
    expect(within(drawer).getByText('请用藏文书写（不要夹杂汉字）。')).toBeTruthy();
    expect(within(drawer).getByText('请填写此项。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);

    fireEvent.change(minutes, { target: { value: '90' } });
    fireEvent.change(nameBo, { target: { value: 'སྨན་ཁང་དུ་མཉམ་འགྲོ་བ།' } });
    fireEvent.change(within(drawer).getByLabelText('名称（中文）'), { target: { value: ' 陪同就医 ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ nameBo: 'སྨན་ཁང་དུ་མཉམ་འགྲོ་བ།', typicalMinutes: 90 }),
    );
  });

  it('refuses a new item without name or category, and shows the server’s field errors', { timeout: 40_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, STREET_ADMIN),
      ...lookupRoutes(),
      'POST /api/v1/service-items': () =>
        json(
          400,
          {
            type: 'https://duodi.example/problems/validation_failed',
            title: '输入有误',
            status: 400,
            detail: '请检查标出的字段。',
            code: 'validation_failed',
            errors: [{ field: 'name', message: '名称已存在' }],
          },
          'application/problem+json',
        ),
    });
    renderConsole('/service-menu');
    fireEvent.click(await screen.findByRole('button', { name: '新增服务项目' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findAllByText('请填写此项。')).toHaveLength(2);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByLabelText('名称（中文）'), { target: { value: '陪同就医' } });
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '类别' }));
    fireEvent.click(await screen.findByText('为老服务', { selector: '.ant-select-item-option-content' }));
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
        name: '陪同就医',
        nameBo: null,
        nameEn: null,
        category: 'elderly_care',
        skills: [],
        languages: [],
        typicalMinutes: 60,
        volunteersNeeded: 1,
        description: null,
        active: true,
      }),
    );
    expect(await within(drawer).findByText('名称已存在')).toBeTruthy();
  });

  it('lets a community admin switch an item for their community and set only their teams', { timeout: 40_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      ...lookupRoutes(),
      'PUT /api/v1/service-items/svc_escort/communities/c-sangyi': () => json(200, { ...MENU[0], disabledCommunityIds: ['c-sangyi'] }),
      'PUT /api/v1/service-items/svc_escort/teams': () => json(200, MENU[0]),
    });
    renderConsole('/service-menu');
    const toggle = await screen.findByRole('switch', { name: '在本社区启用陪同就医' });
    expect(screen.queryByRole('button', { name: '新增服务项目' })).toBeNull();
    expect(screen.queryByRole('button', { name: '修改陪同就医' })).toBeNull();
    // An item the street switched off cannot be switched on for one community.
    expect(screen.getByRole('switch', { name: '在本社区启用环境清扫' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT' && r.path.endsWith('/communities/c-sangyi'))?.body).toEqual({ enabled: false }),
    );

    fireEvent.click(screen.getByRole('button', { name: '设置陪同就医的队伍' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT' && r.path.endsWith('/teams'))?.body).toEqual({ teamIds: ['t-bugu'] }),
    );
  });
});
