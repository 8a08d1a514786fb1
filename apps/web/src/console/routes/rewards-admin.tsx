import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Redemption, RedemptionStatus, Reward, RewardCreate } from '@duodi/contracts';
import { REDEMPTION_STATUSES, REWARD_LIMIT_PERIODS } from '../../features/hours/values';
import {
  itemsOf,
  useCreateReward,
  useMerchants,
  usePatchReward,
  useRewards,
  useShopRedemptions,
  useStaffCancelRedemption,
  type NamedOption,
} from '../../features/hours/api/hours';
import { formatDate } from '../../lib/format';
import { ReasonModal } from '../components/reason-modal';
import { hoursError } from '../../features/hours/model';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { StatusTag } from '../components/status-tag';

/** 爱心超市管理: the catalog with stock, points, minimum star and limits; restock, take off the shelf, add items. */
export default function RewardsAdminPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('hours.console.rewards.title'), t('app.consoleName'));
  const rewards = useRewards(true);
  const patch = usePatchReward();
  const [stock, setStock] = useState<Record<string, number | null>>({});
  const [creating, setCreating] = useState(false);
  const rows = itemsOf(rewards.data);
  const listed = useMerchants();
  const merchants: NamedOption[] = listed.data?.items ?? [...new Map(rows.map((r) => [r.merchant.id, r.merchant])).values()];

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.rewards.title')}</h1>
      <p>{t('hours.console.rewards.intro')}</p>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)} disabled={merchants.length === 0}>
          {t('hours.console.rewards.add')}
        </Button>
      </Space>
      {rewards.isError && <ProblemAlert error={rewards.error} onRetry={() => void rewards.refetch()} />}
      {patch.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(patch.error, t)} />}
      {patch.isSuccess && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('hours.console.rewards.saved', { name: localName(patch.data, language).text })}
        />
      )}
      <Table<Reward>
        rowKey="id"
        loading={rewards.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('hours.console.rewards.name'), key: 'name', render: (_, r) => localName(r, language).text },
          { title: t('hours.console.rewards.merchant'), key: 'merchant', render: (_, r) => localName(r.merchant, language).text },
          { title: t('hours.console.rewards.points'), dataIndex: 'pointsCost' },
          {
            title: t('hours.console.rewards.stock'),
            key: 'stock',
            render: (_, r) => {
              const name = localName(r, language).text;
              const value = stock[r.id] === undefined ? r.stock : stock[r.id];
              return (
                <Space>
                  <InputNumber
                    aria-label={t('hours.console.rewards.stockOf', { name })}
                    min={0}
                    max={100_000}
                    precision={0}
                    value={value}
                    onChange={(next) => setStock((s) => ({ ...s, [r.id]: next }))}
                  />
                  <Button
                    size="small"
                    disabled={value === null || value === r.stock}
                    onClick={() => value !== null && value !== undefined && patch.mutate({ id: r.id, body: { stock: value } })}
                  >
                    {t('hours.console.rewards.saveStock', { name })}
                  </Button>
                </Space>
              );
            },
          },
          {
            title: t('hours.console.rewards.minStar'),
            dataIndex: 'minStar',
            render: (v: number) => (v > 0 ? t('star.value', { count: v }) : t('common.none')),
          },
          {
            title: t('hours.console.rewards.limit'),
            key: 'limit',
            render: (_, r) =>
              r.perPeriodLimit === null ? t('common.none') : t(`hours.rewards.limit.${r.limitPeriod}`, { count: r.perPeriodLimit }),
          },
          {
            title: t('hours.console.rewards.active'),
            key: 'active',
            render: (_, r) => (
              <Space>
                <Switch
                  aria-label={t('hours.console.rewards.onShelf', { name: localName(r, language).text })}
                  checked={r.active}
                  onChange={(active) => patch.mutate({ id: r.id, body: { active } })}
                />
                <StatusTag tone={r.active ? 'success' : 'neutral'}>
                  {r.active ? t('hours.console.rewards.isActive') : t('hours.console.rewards.isInactive')}
                </StatusTag>
              </Space>
            ),
          },
        ]}
      />
      {rewards.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={rewards.isFetchingNextPage} onClick={() => void rewards.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <Orders />
      {creating && <CreateRewardModal merchants={merchants} onClose={() => setCreating(false)} />}
    </>
  );
}

type CreateValues = Omit<RewardCreate, 'minStar' | 'limitPeriod'> & { minStar?: number; limitPeriod?: RewardCreate['limitPeriod'] };

const ORDER_TONE = { pending_pickup: 'warning', redeemed: 'success', cancelled: 'neutral' } as const;

/** 兑换订单: the orders of the items the caller manages; staff may cancel one waiting for pickup (points back). */
function Orders() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<RedemptionStatus | ''>('pending_pickup');
  const orders = useShopRedemptions(status || undefined);
  const cancel = useStaffCancelRedemption();
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  const rows = itemsOf(orders.data);
  const nameOf = (r: Redemption) => localName({ name: r.rewardName, nameBo: r.rewardNameBo, nameEn: r.rewardNameEn }, language).text;
  return (
    <section aria-labelledby="hours-orders-title" style={{ marginTop: 32 }}>
      <h2 id="hours-orders-title">{t('hours.console.rewards.orders')}</h2>
      <p className="console-hint">{t('hours.console.rewards.ordersNote')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="hours-orders-status">{t('hours.console.status')}</span>
        <Select<RedemptionStatus | ''>
          aria-labelledby="hours-orders-status"
          style={{ minWidth: 160 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('common.all') },
            ...REDEMPTION_STATUSES.map((s) => ({ value: s, label: t(`hours.redemptionStatus.${s}`) })),
          ]}
        />
      </Space>
      {orders.isError && <ProblemAlert error={orders.error} onRetry={() => void orders.refetch()} />}
      {cancel.isSuccess && !cancelling && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('hours.console.rewards.cancelled', { name: nameOf(cancel.data) })}
        />
      )}
      <Table<Redemption>
        rowKey="id"
        loading={orders.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('hours.console.rewards.name'), key: 'name', render: (_, r) => `${nameOf(r)} × ${r.quantity}` },
          { title: t('hours.console.rewards.merchant'), dataIndex: 'merchantName' },
          { title: t('hours.console.rewards.points'), dataIndex: 'points' },
          { title: t('hours.console.rewards.orderedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('hours.console.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <StatusTag tone={ORDER_TONE[r.status]}>{t(`hours.redemptionStatus.${r.status}`)}</StatusTag>
                {r.cancelReason && <div>{t('hours.records.reason', { reason: r.cancelReason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'pending_pickup' ? (
                <Button
                  danger
                  size="small"
                  onClick={() => {
                    cancel.reset();
                    setCancelling(r);
                  }}
                >
                  {t('hours.console.rewards.cancelOrder', { name: nameOf(r) })}
                </Button>
              ) : null,
          },
        ]}
      />
      {orders.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReasonModal
        key={`cancel-${cancelling?.id ?? ''}`}
        open={Boolean(cancelling)}
        title={t('hours.console.rewards.cancelTitle', { name: cancelling ? nameOf(cancelling) : '' })}
        label={t('hours.console.rewards.cancelReason')}
        okText={t('hours.redemptions.cancelConfirm')}
        pending={cancel.isPending}
        error={cancel.error}
        onSubmit={(reason) => cancelling && cancel.mutate({ id: cancelling.id, reason }, { onSuccess: () => setCancelling(null) })}
        onCancel={() => setCancelling(null)}
      />
    </section>
  );
}

function CreateRewardModal({ merchants, onClose }: { merchants: NamedOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const create = useCreateReward();
  const [form] = Form.useForm<CreateValues>();
  return (
    <Modal
      open
      title={t('hours.console.rewards.add')}
      okText={t('hours.console.rewards.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ minStar: 0, limitPeriod: 'quarter' }}
        onFinish={(values) =>
          create.mutate(
            {
              ...values,
              minStar: values.minStar ?? 0,
              limitPeriod: values.limitPeriod ?? 'quarter',
              nameBo: values.nameBo?.trim() || null,
              nameEn: values.nameEn?.trim() || null,
              perPeriodLimit: values.perPeriodLimit ?? null,
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="merchantId"
          label={t('hours.console.rewards.merchant')}
          rules={[{ required: true, message: t('hours.console.required') }]}
        >
          <Select options={merchants.map((m) => ({ value: m.id, label: localName(m, language).text }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('hours.console.rewards.nameZh')}
          rules={[{ required: true, max: 60, message: t('hours.console.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameBo" label={t('hours.console.rewards.nameBo')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hours.console.rewards.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="pointsCost"
            label={t('hours.console.rewards.points')}
            rules={[{ required: true, type: 'number', min: 1, message: t('hours.console.required') }]}
          >
            <InputNumber min={1} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item
            name="stock"
            label={t('hours.console.rewards.stock')}
            rules={[{ required: true, type: 'number', min: 0, message: t('hours.console.required') }]}
          >
            <InputNumber min={0} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item name="minStar" label={t('hours.console.rewards.minStar')}>
            <InputNumber min={0} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="perPeriodLimit" label={t('hours.console.rewards.limitCount')}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="limitPeriod" label={t('hours.console.rewards.limitPeriod')}>
            <Select
              style={{ minWidth: 120 }}
              options={REWARD_LIMIT_PERIODS.map((p) => ({ value: p, label: t(`hours.console.rewards.period.${p}`) }))}
            />
          </Form.Item>
        </Space>
        {create.isError && <Alert type="error" showIcon role="alert" title={hoursError(create.error, t)} />}
      </Form>
    </Modal>
  );
}
