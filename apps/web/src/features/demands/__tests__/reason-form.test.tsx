// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Demand } from '@duodi/contracts';
import { json, mockApi } from '../../../testing/mock-api';
import { i18n, initI18n } from '../../../lib/i18n';
import { CancelOrder } from '../components/actions';
import { AnswerOffer } from '../components/volunteer-actions';

const DEMAND = { id: 'dmd_0007', version: 3, status: 'submitted' } as Demand;

function wrap(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('reason forms of demand steps (取消订单, 婉拒)', () => {
  it('cancelling asks for the reason first, keeps it when going back, and sends it trimmed', async () => {
    const { requests } = mockApi({ 'POST /api/v1/demands/dmd_0007/cancel': () => json(200, { ...DEMAND, status: 'cancelled' }) });
    const t = i18n.t.bind(i18n);
    wrap(<CancelOrder demand={DEMAND} />);
    fireEvent.click(screen.getByRole('button', { name: t('orders.cancel.open') }));
    fireEvent.click(screen.getByRole('button', { name: t('orders.cancel.confirm') }));
    expect(await screen.findByText(t('orders.cancel.reasonRequired'))).toBeTruthy();
    expect(requests).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(t('orders.cancel.reason'), { exact: false }), { target: { value: '  不需要了  ' } });
    fireEvent.click(screen.getByRole('button', { name: t('orders.cancel.keep') }));
    fireEvent.click(screen.getByRole('button', { name: t('orders.cancel.open') }));
    expect((screen.getByLabelText(t('orders.cancel.reason'), { exact: false }) as HTMLTextAreaElement).value).toBe('  不需要了  ');
    fireEvent.click(screen.getByRole('button', { name: t('orders.cancel.confirm') }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({ reason: '不需要了' });
    expect(requests[0]?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('declining an offer may go without a reason', async () => {
    const { requests } = mockApi({ 'POST /api/v1/demands/dmd_0007/decline': () => json(200, {}) });
    const t = i18n.t.bind(i18n);
    wrap(<AnswerOffer demand={DEMAND} canDecline />);
    fireEvent.click(screen.getByRole('button', { name: t('offers.decline') }));
    expect(screen.getByRole('form', { name: t('offers.decline') })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('offers.declineConfirm') }));
    expect(await screen.findByText(t('offers.declined'))).toBeTruthy();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({});
  });
});
