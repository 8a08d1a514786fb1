import { useState } from 'react';
import { Alert, Button, Form, Modal, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Household, HouseholdFamily } from '@duodi/contracts';
import { useHouseholdFamily, useRecordRelation } from '../../features/hours/api/hours';
import { hoursError } from '../../features/hours/model';
import { FAMILY_RELATION_KINDS } from '../../features/hours/values';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { ProblemAlert } from './query-state';

type Relation = (typeof FAMILY_RELATION_KINDS)[number];
type Values = { personId?: string; relativePersonId?: string; relation?: Relation };

/**
 * 家庭关系 of one household: who lives there, the relations already registered (time-bank coins may
 * only go along them, DR-13), and a form to register one after checking the household register (户口本).
 */
export function HouseholdFamilyModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const family = useHouseholdFamily(household.id);
  const record = useRecordRelation();
  const [form] = Form.useForm<Values>();
  const [personId, setPersonId] = useState<string | undefined>();
  const members = family.data?.members ?? [];
  const nameOf = (id: string) => members.find((m) => m.personId === id)?.name ?? id;
  const options = members.map((m) => ({
    value: m.personId,
    label: m.age === null ? m.name : t('hoursGaps.family.memberAge', { name: m.name, age: m.age }),
  }));

  return (
    <Modal
      open
      width={720}
      title={t('hoursGaps.family.title', { address: household.address })}
      footer={<Button onClick={onClose}>{t('hoursGaps.family.close')}</Button>}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="console-hint">{t('hoursGaps.family.hint')}</p>
      {family.isError && <ProblemAlert error={family.error} onRetry={() => void family.refetch()} />}
      <Table<HouseholdFamily['relations'][number]>
        rowKey={(r) => `${r.personId}-${r.relativePersonId}`}
        loading={family.isPending}
        dataSource={family.data?.relations ?? []}
        pagination={false}
        size="small"
        locale={{ emptyText: t('hoursGaps.family.none') }}
        columns={[
          { title: t('hoursGaps.family.person'), key: 'person', render: (_, r) => nameOf(r.personId) },
          { title: t('hoursGaps.family.relative'), key: 'relative', render: (_, r) => nameOf(r.relativePersonId) },
          { title: t('hoursGaps.family.relationOf'), key: 'relation', render: (_, r) => t(`hours.relation.${r.relation}`) },
          { title: t('hoursGaps.family.recordedAt'), key: 'at', render: (_, r) => formatDate(r.createdAt, language) },
        ]}
      />
      <h3 style={{ marginTop: 16 }}>{t('hoursGaps.family.add')}</h3>
      {members.length < 2 && family.isSuccess ? (
        <p>{t('hoursGaps.family.tooFew')}</p>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          name="record-relation"
          onValuesChange={(changed: Values) => {
            if ('personId' in changed) setPersonId(changed.personId);
          }}
          onFinish={(values) =>
            values.personId &&
            values.relativePersonId &&
            values.relation &&
            record.mutate(
              { personId: values.personId, relativePersonId: values.relativePersonId, relation: values.relation },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item
            name="personId"
            label={t('hoursGaps.family.person')}
            rules={[{ required: true, message: t('hours.console.required') }]}
          >
            <Select options={options} />
          </Form.Item>
          <Form.Item
            name="relativePersonId"
            label={t('hoursGaps.family.relative')}
            rules={[{ required: true, message: t('hours.console.required') }]}
          >
            <Select options={options.filter((o) => o.value !== personId)} />
          </Form.Item>
          <Form.Item
            name="relation"
            label={t('hoursGaps.family.relationOf')}
            rules={[{ required: true, message: t('hours.console.required') }]}
          >
            <Select options={FAMILY_RELATION_KINDS.map((k) => ({ value: k, label: t(`hours.relation.${k}`) }))} />
          </Form.Item>
          {record.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(record.error, t)} />}
          {record.isSuccess && (
            <Alert
              style={{ marginBottom: 12 }}
              type="success"
              showIcon
              role="status"
              title={t('hoursGaps.family.recorded', { name: record.data.name })}
            />
          )}
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('hoursGaps.family.save')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
