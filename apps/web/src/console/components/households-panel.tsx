import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grid, Household } from '@duodi/contracts';
import { useHouseholds } from '../../features/residents/api/get-households';
import { useCreateHousehold, useUpdateHousehold } from '../../features/residents/api/manage-residents';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { HouseholdFamilyModal } from './household-family-modal';
import { ProblemAlert } from './query-state';

type GridOption = Pick<Grid, 'id' | 'name' | 'nameBo' | 'communityId'>;

/** Households (户) of the caller's scope: add one to a grid, correct an address. */
export function HouseholdsPanel({ grids, communityId, gridId }: { grids: GridOption[]; communityId?: string; gridId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const households = useHouseholds({ communityId, gridId });
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const [form] = Form.useForm<{ gridId: string; address: string }>();
  const [editing, setEditing] = useState<Household | null>(null);
  const [family, setFamily] = useState<Household | null>(null);
  const [address, setAddress] = useState('');
  const gridNames = new Map(grids.map((g) => [g.id, localName(g, language).text]));
  const rows = households.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Form
        form={form}
        layout="inline"
        className="console-filters"
        name="add-household"
        initialValues={{ gridId }}
        onFinish={(values) =>
          create.mutate({ gridId: values.gridId, address: values.address.trim() }, { onSuccess: () => form.resetFields(['address']) })
        }
      >
        <Form.Item label={t('fields.grid')} name="gridId" rules={[{ required: true, message: t('volunteer.errors.required') }]}>
          <Select style={{ minWidth: 200 }} options={grids.map((g) => ({ value: g.id, label: localName(g, language).text }))} />
        </Form.Item>
        <Form.Item
          label={t('fields.address')}
          name="address"
          rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
        >
          <Input maxLength={200} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('console.households.add')}
          </Button>
        </Form.Item>
      </Form>
      {create.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(create.error, t)} />}
      {create.isSuccess && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('console.households.added', { address: create.data.address })}
        />
      )}
      {households.isError && <ProblemAlert error={households.error} onRetry={() => void households.refetch()} />}
      <Table<Household>
        rowKey="id"
        loading={households.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('fields.address'), dataIndex: 'address' },
          { title: t('fields.grid'), dataIndex: 'gridId', render: (id: string) => gridNames.get(id) ?? id },
          { title: t('console.households.members'), dataIndex: 'memberCount', align: 'right' },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, h) => (
              <>
                <Button
                  size="small"
                  onClick={() => {
                    setAddress(h.address);
                    setEditing(h);
                  }}
                >
                  {t('console.households.edit')}
                  <span className="visually-hidden"> {h.address}</span>
                </Button>{' '}
                <Button size="small" onClick={() => setFamily(h)}>
                  {t('hoursGaps.family.open')}
                  <span className="visually-hidden"> {h.address}</span>
                </Button>
              </>
            ),
          },
        ]}
      />
      {households.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void households.fetchNextPage()} loading={households.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      {family && <HouseholdFamilyModal key={family.id} household={family} onClose={() => setFamily(null)} />}
      <Modal
        open={Boolean(editing)}
        title={t('console.households.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: update.isPending, disabled: !address.trim() }}
        onOk={() => editing && update.mutate({ id: editing.id, body: { address: address.trim() } }, { onSuccess: () => setEditing(null) })}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <label htmlFor="household-address" className="console-label">
          {t('fields.address')}
        </label>
        <Input id="household-address" value={address} maxLength={200} onChange={(e) => setAddress(e.target.value)} />
        {update.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(update.error, t)} />}
      </Modal>
    </>
  );
}
