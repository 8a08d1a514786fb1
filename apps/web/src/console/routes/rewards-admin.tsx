import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reward, RewardCreate } from '@duodi/contracts';
import { REWARD_LIMIT_PERIODS } from '../../features/hours/values';
import { itemsOf, useCreateReward, usePatchReward, useRewards } from '../../features/hours/api/hours';
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
  const merchants = [...new Map(rows.map((r) => [r.merchant.id, r.merchant])).values()];

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
        <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('hours.console.rewards.saved', { name: localName(patch.data, language).text })} />
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
          { title: t('hours.console.rewards.minStar'), dataIndex: 'minStar', render: (v: number) => (v > 0 ? t('star.value', { count: v }) : t('common.none')) },
          {
            title: t('hours.console.rewards.limit'),
            key: 'limit',
            render: (_, r) => (r.perPeriodLimit === null ? t('common.none') : t(`hours.rewards.limit.${r.limitPeriod}`, { count: r.perPeriodLimit })),
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
                <StatusTag tone={r.active ? 'success' : 'neutral'}>{r.active ? t('hours.console.rewards.isActive') : t('hours.console.rewards.isInactive')}</StatusTag>
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
      <p className="console-hint" style={{ marginTop: 16 }}>
        {t('hours.console.rewards.ordersNote')}
      </p>
      {creating && <CreateRewardModal merchants={merchants} onClose={() => setCreating(false)} />}
    </>
  );
}

type CreateValues = Omit<RewardCreate, 'minStar' | 'limitPeriod'> & { minStar?: number; limitPeriod?: RewardCreate['limitPeriod'] };

function CreateRewardModal({ merchants, onClose }: { merchants: Reward['merchant'][]; onClose: () => void }) {
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
        <Form.Item name="merchantId" label={t('hours.console.rewards.merchant')} rules={[{ required: true, message: t('hours.console.required') }]}>
          <Select options={merchants.map((m) => ({ value: m.id, label: localName(m, language).text }))} />
        </Form.Item>
        <Form.Item name="name" label={t('hours.console.rewards.nameZh')} rules={[{ required: true, max: 60, message: t('hours.console.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameBo" label={t('hours.console.rewards.nameBo')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hours.console.rewards.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="pointsCost" label={t('hours.console.rewards.points')} rules={[{ required: true, type: 'number', min: 1, message: t('hours.console.required') }]}>
            <InputNumber min={1} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item name="stock" label={t('hours.console.rewards.stock')} rules={[{ required: true, type: 'number', min: 0, message: t('hours.console.required') }]}>
            <InputNumber min={0} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item name="minStar" label={t('hours.console.rewards.minStar')}>
            <InputNumber min={0} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="perPeriodLimit" label={t('hours.console.rewards.limitCount')}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="limitPeriod" label={t('hours.console.rewards.limitPeriod')}>
            <Select style={{ minWidth: 120 }} options={REWARD_LIMIT_PERIODS.map((p) => ({ value: p, label: t(`hours.console.rewards.period.${p}`) }))} />
          </Form.Item>
        </Space>
        {create.isError && <Alert type="error" showIcon role="alert" title={hoursError(create.error, t)} />}
      </Form>
    </Modal>
  );
}
