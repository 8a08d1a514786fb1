import { useQuery } from '@tanstack/react-query';
import { Alert, Form, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { currentLanguage } from '../../../lib/i18n';
import { localName } from '../../../lib/localize';
import { getResidents } from '../../residents/api/get-residents';
import { useCreateCarePlan, useServiceItems } from '../api/visits';
import { CARE_PLAN_KINDS, type CarePlan } from '../types';

type Values = { residentId: string; everyDays: number; kind: (typeof CARE_PLAN_KINDS)[number]; serviceItemId?: string };

/**
 * 新建关爱计划 (grid worker, community admin): a resident of the caller's area (searched by name among the
 * residents the server lets them see), every N days, a visit or a demand (with its service item).
 */
export function CarePlanForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (p: CarePlan) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  // The residents the server shows the caller are those of their area (grid, community, street); up to 200 to search in.
  const residents = useQuery({ queryKey: ['residents', 'care-plan-choice'], queryFn: () => getResidents({ limit: 200 }), enabled: open });
  const items = useServiceItems();
  const create = useCreateCarePlan();
  const kind = Form.useWatch('kind', form);
  const people = residents.data?.items ?? [];
  const required = { required: true, message: t('volunteer.errors.required') };

  const finish = (values: Values) =>
    create.mutate(
      {
        residentId: values.residentId,
        everyDays: values.everyDays,
        kind: values.kind,
        ...(values.kind === 'demand' && values.serviceItemId ? { serviceItemId: values.serviceItemId } : {}),
      },
      {
        onSuccess: (plan) => {
          form.resetFields();
          onSaved(plan);
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const fields = error.errors
            .filter((e) => ['residentId', 'everyDays', 'kind', 'serviceItemId'].includes(e.field))
            .map((e) => ({ name: e.field as keyof Values, errors: [e.message] }));
          if (fields.length) form.setFields(fields);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('carePlans.form.title')}
      okText={t('carePlans.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('carePlans.form.intro')}</p>
      {create.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(create.error, t)} />}
      <Form<Values> form={form} layout="vertical" name="care-plan-form" initialValues={{ everyDays: 7, kind: 'visit' }} onFinish={finish}>
        <Form.Item label={t('carePlans.form.resident')} name="residentId" rules={[required]} extra={t('carePlans.form.residentHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={residents.isPending}
            placeholder={t('carePlans.form.searchResident')}
            options={people.map((r) => ({
              value: r.id,
              label: [r.name, r.age !== null ? t('carePlans.form.age', { n: r.age }) : null, r.address].filter(Boolean).join(' · '),
            }))}
            notFoundContent={t('carePlans.form.noResident')}
          />
        </Form.Item>
        <Form.Item label={t('carePlans.form.everyDays')} name="everyDays" rules={[required]}>
          <InputNumber min={1} max={365} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('carePlans.form.kind')} name="kind" rules={[required]}>
          <Radio.Group options={CARE_PLAN_KINDS.map((k) => ({ value: k, label: t(`console.campaigns.planKinds.${k}`) }))} />
        </Form.Item>
        {kind === 'demand' && (
          <Form.Item label={t('carePlans.form.serviceItem')} name="serviceItemId" rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.choose')}
              options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: localName(i, language).text }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
