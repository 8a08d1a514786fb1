import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, Modal, Radio, Select, Space, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  FOCUS_TAGS,
  type FocusTag,
  type Grid,
  type IdType,
  type ResidentCreate,
  type ResidentListItem,
  type ResidentMove,
  type ResidentUpdate,
} from '@duodi/contracts';
import { useHouseholds } from '../../features/residents/api/get-households';
import { ID_TYPES, isSensitiveFocusTag } from '../../lib/contract-values';
import { useCreateResident, useMoveResident, useUpdateResident } from '../../features/residents/api/manage-residents';
import { idFacts, idProblemKey } from '../../features/volunteers/registration';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';

const PHONE = /^1[3-9]\d{9}$/;

/** The sensitive tags that a change adds or removes (these need a reason, DR-21). */
export function sensitiveChanges(before: readonly FocusTag[], after: readonly FocusTag[]): FocusTag[] {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  return [...added, ...removed].filter(isSensitiveFocusTag);
}

function FocusTagsField({ name = 'focusTags' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('fields.tags')} name={name} extra={t('console.residents.sensitiveHint')}>
      <Checkbox.Group
        options={FOCUS_TAGS.map((tag) => ({
          value: tag,
          label: isSensitiveFocusTag(tag) ? `${t(`focusTags.${tag}`)} (${t('console.residents.sensitive')})` : t(`focusTags.${tag}`),
        }))}
      />
    </Form.Item>
  );
}

function ReasonField({ tags }: { tags: FocusTag[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('console.residents.reasonNeeded', { tags: tags.map((tag) => t(`focusTags.${tag}`)).join('、') })}
      />
      <Form.Item
        label={t('console.residents.reason')}
        name="reason"
        rules={[
          { required: true, whitespace: true, message: t('common.reasonRequired', { count: 2 }) },
          { min: 2, message: t('common.reasonRequired', { count: 2 }) },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

type GridOption = Pick<Grid, 'id' | 'name' | 'nameBo' | 'communityId'>;

function gridOptions(grids: GridOption[], language: ReturnType<typeof currentLanguage>) {
  return grids.map((g) => ({ value: g.id, label: localName(g, language).text }));
}

/** Sets the server's field problems on the form (400 validation_failed, 409 duplicate ID). */
function applyServerErrors<T>(form: FormInstance<T>, error: unknown, known: (keyof T & string)[]) {
  if (!isApiError(error)) return;
  const fields = error.errors
    .filter((e): e is typeof e & { field: keyof T & string } => (known as string[]).includes(e.field))
    .map((e) => ({ name: e.field, errors: [e.message] }));
  if (error.code === 'duplicate_id_number' && (known as string[]).includes('idNumber'))
    fields.push({ name: 'idNumber' as keyof T & string, errors: [error.detail] });
  if (fields.length) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
}

type CreateValues = {
  name: string;
  nameBo?: string;
  idType: IdType;
  idNumber?: string;
  phone?: string;
  gridId: string;
  householdMode: 'new' | 'existing';
  householdId?: string;
  address?: string;
  focusTags: FocusTag[];
  proxyNeeded: boolean;
  reason?: string;
};

/** Add a resident to a grid: a new household at an address, or an existing one. */
export function CreateResidentDrawer({ open, grids, onClose }: { open: boolean; grids: GridOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateResident();
  const gridId = Form.useWatch('gridId', form);
  const mode = Form.useWatch('householdMode', form) ?? 'new';
  const idType = Form.useWatch('idType', form) ?? 'resident_id';
  const tags = Form.useWatch('focusTags', form) ?? [];
  const households = useHouseholds({ gridId }, { enabled: Boolean(gridId) && mode === 'existing' });
  const sensitive = tags.filter(isSensitiveFocusTag);

  const handleFinish = (v: CreateValues) => {
    const body: ResidentCreate = {
      name: v.name.trim(),
      gridId: v.gridId,
      focusTags: v.focusTags ?? [],
      proxyNeeded: Boolean(v.proxyNeeded),
    };
    if (v.nameBo?.trim()) body.nameBo = v.nameBo.trim();
    if (v.idNumber?.trim()) {
      body.idType = v.idType;
      body.idNumber = v.idNumber.trim().toUpperCase();
    }
    if (v.phone?.trim()) body.phone = v.phone.trim();
    if (v.householdMode === 'existing' && v.householdId) body.householdId = v.householdId;
    else if (v.address?.trim()) body.address = v.address.trim();
    if (sensitive.length && v.reason?.trim()) body.reason = v.reason.trim();
    create.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
      onError: (error) =>
        applyServerErrors(form, error, ['name', 'nameBo', 'idNumber', 'phone', 'gridId', 'householdId', 'address', 'focusTags', 'reason']),
    });
  };

  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('console.residents.addTitle')} destroyOnHidden>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="create-resident"
        initialValues={{ idType: 'resident_id', householdMode: 'new', focusTags: [], proxyNeeded: false }}
        onFinish={handleFinish}
        scrollToFirstError
      >
        <Form.Item
          label={t('fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={`${t('volunteer.form.nameBo')} ${t('common.optional')}`} name="nameBo">
          <Input maxLength={80} lang="bo" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('volunteer.form.idType')} name="idType">
            <Select style={{ minWidth: 180 }} options={ID_TYPES.map((type) => ({ value: type, label: t(`idTypes.${type}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('volunteer.form.idNumber')}
            name="idNumber"
            extra={t('console.residents.idOptional')}
            normalize={(value: string) => value.replace(/\s+/g, '').toUpperCase()}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const problem = idProblemKey(idFacts(form.getFieldValue('idType') ?? 'resident_id', value, ''), { submitted: true });
                  return problem ? Promise.reject(new Error(t(`volunteer.errors.${problem}`))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input maxLength={idType === 'resident_id' ? 18 : 30} autoComplete="off" style={{ minWidth: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item
          label={`${t('fields.phone')} ${t('common.optional')}`}
          name="phone"

          rules={[{ pattern: PHONE, message: t('volunteer.errors.phone') }]}
        >
          <Input type="tel" maxLength={11} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item label={t('fields.grid')} name="gridId" rules={[{ required: true, message: t('volunteer.errors.required') }]}>
          <Select
            style={{ maxWidth: 320 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={gridOptions(grids, language)}
            onChange={() => form.setFieldValue('householdId', undefined)}
          />
        </Form.Item>
        <Form.Item label={t('console.residents.household')} name="householdMode">
          <Radio.Group
            options={[
              { value: 'new', label: t('console.residents.newHousehold') },
              { value: 'existing', label: t('console.residents.existingHousehold') },
            ]}
          />
        </Form.Item>
        {mode === 'new' ? (
          <Form.Item
            label={t('fields.address')}
            name="address"
            rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('console.residents.chooseHousehold')}
            name="householdId"
            rules={[{ required: true, message: t('volunteer.errors.required') }]}
          >
            <Select
              style={{ maxWidth: 420 }}
              disabled={!gridId}
              loading={households.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={(households.data?.pages.flatMap((p) => p.items) ?? []).map((h) => ({
                value: h.id,
                label: `${h.address} (${t('common.people', { count: h.memberCount })})`,
              }))}
            />
          </Form.Item>
        )}
        <FocusTagsField />
        <ReasonField tags={sensitive} />
        <Form.Item label={t('console.residents.proxy')} name="proxyNeeded" valuePropName="checked" extra={t('console.residents.proxyHint')}>
          <Switch />
        </Form.Item>
        {create.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon role="alert" title={errorMessage(create.error, t)} />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.residents.add')}
        </Button>
      </Form>
    </Drawer>
  );
}

type EditValues = { name: string; phone?: string; removePhone?: boolean; focusTags: FocusTag[]; proxyNeeded: boolean; reason?: string };

/** Change a resident's name, phone, focus tags (a reason for sensitive ones) or the proxy flag (代办). */
export function EditResidentDrawer({ resident, onClose }: { resident: ResidentListItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={Boolean(resident)}
      onClose={onClose}
      size="large"
      title={resident ? t('console.residents.editTitle', { name: resident.name }) : ''}
      destroyOnHidden
    >
      {resident && <EditResidentForm resident={resident} onDone={onClose} />}
    </Drawer>
  );
}

function EditResidentForm({ resident, onDone }: { resident: ResidentListItem; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateResident();
  const tags = Form.useWatch('focusTags', form) ?? resident.focusTags;
  const removePhone = Form.useWatch('removePhone', form);
  const changed = useMemo(() => sensitiveChanges(resident.focusTags, tags), [resident.focusTags, tags]);

  const handleFinish = (v: EditValues) => {
    const body: ResidentUpdate = {};
    if (v.name.trim() !== resident.name) body.name = v.name.trim();
    if (v.removePhone) body.phone = null;
    else if (v.phone?.trim()) body.phone = v.phone.trim();
    const nextTags = v.focusTags ?? [];
    if ([...nextTags].sort().join() !== [...resident.focusTags].sort().join()) body.focusTags = nextTags;
    if (Boolean(v.proxyNeeded) !== resident.proxy) body.proxyNeeded = Boolean(v.proxyNeeded);
    if (changed.length && v.reason?.trim()) body.reason = v.reason.trim();
    if (Object.keys(body).length === 0 || (Object.keys(body).length === 1 && body.reason)) {
      onDone();
      return;
    }
    update.mutate(
      { id: resident.id, body },
      { onSuccess: onDone, onError: (error) => applyServerErrors(form, error, ['name', 'phone', 'focusTags', 'reason']) },
    );
  };

  return (
    <Form<EditValues>
      form={form}
      layout="vertical"
      name="edit-resident"
      initialValues={{ name: resident.name, focusTags: resident.focusTags, proxyNeeded: resident.proxy }}
      onFinish={handleFinish}
    >
      <Form.Item
        label={t('fields.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        label={t('volunteer.edit.newPhone')}
        name="phone"
        extra={resident.phoneMasked ? t('volunteer.edit.currentPhone', { phone: resident.phoneMasked }) : t('common.optional')}
        rules={[{ pattern: PHONE, message: t('volunteer.errors.phone') }]}
      >
        <Input type="tel" maxLength={11} style={{ maxWidth: 240 }} disabled={Boolean(removePhone)} />
      </Form.Item>
      {resident.phoneMasked && (
        <Form.Item name="removePhone" valuePropName="checked">
          <Checkbox>{t('console.residents.removePhone')}</Checkbox>
        </Form.Item>
      )}
      <FocusTagsField />
      <ReasonField tags={changed} />
      <Form.Item label={t('console.residents.proxy')} name="proxyNeeded" valuePropName="checked" extra={t('console.residents.proxyHint')}>
        <Switch />
      </Form.Item>
      {update.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon role="alert" title={errorMessage(update.error, t)} />}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

type MoveValues = { gridId: string; householdMode: 'none' | 'existing' | 'new'; householdId?: string; address?: string; reason?: string };

/** Move a resident to another grid of the caller's scope (and into a household there). */
export function MoveResidentModal({
  resident,
  grids,
  onClose,
}: {
  resident: ResidentListItem | null;
  grids: GridOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveResident();
  const gridId = Form.useWatch('gridId', form);
  const mode = Form.useWatch('householdMode', form) ?? 'new';
  const households = useHouseholds({ gridId }, { enabled: Boolean(gridId) && mode === 'existing' });
  const [formKey, setFormKey] = useState(0);

  const handleFinish = (v: MoveValues) => {
    if (!resident) return;
    const body: ResidentMove = { gridId: v.gridId };
    if (v.householdMode === 'existing' && v.householdId) body.householdId = v.householdId;
    if (v.householdMode === 'new' && v.address?.trim()) body.address = v.address.trim();
    if (v.reason?.trim()) body.reason = v.reason.trim();
    move.mutate(
      { id: resident.id, body },
      {
        onSuccess: () => {
          setFormKey((k) => k + 1);
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, ['gridId', 'householdId', 'address', 'reason']),
      },
    );
  };

  return (
    <Modal
      open={Boolean(resident)}
      title={resident ? t('console.residents.moveTitle', { name: resident.name }) : ''}
      okText={t('console.residents.move')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: move.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form<MoveValues>
        key={formKey}
        form={form}
        layout="vertical"
        name="move-resident"
        initialValues={{ householdMode: 'new' }}
        onFinish={handleFinish}
      >
        <Form.Item
          label={t('console.residents.targetGrid')}
          name="gridId"
          rules={[{ required: true, message: t('volunteer.errors.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={gridOptions(
              grids.filter((g) => g.id !== resident?.gridId),
              language,
            )}
            onChange={() => form.setFieldValue('householdId', undefined)}
          />
        </Form.Item>
        <Form.Item label={t('console.residents.household')} name="householdMode">
          <Radio.Group
            options={[
              { value: 'new', label: t('console.residents.newHousehold') },
              { value: 'existing', label: t('console.residents.existingHousehold') },
              { value: 'none', label: t('console.residents.noHousehold') },
            ]}
          />
        </Form.Item>
        {mode === 'new' && (
          <Form.Item
            label={t('fields.address')}
            name="address"
            rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        {mode === 'existing' && (
          <Form.Item
            label={t('console.residents.chooseHousehold')}
            name="householdId"
            rules={[{ required: true, message: t('volunteer.errors.required') }]}
          >
            <Select
              disabled={!gridId}
              loading={households.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={(households.data?.pages.flatMap((p) => p.items) ?? []).map((h) => ({ value: h.id, label: h.address }))}
            />
          </Form.Item>
        )}
        <Form.Item label={`${t('console.residents.moveReason')} ${t('common.optional')}`} name="reason">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {move.isError && <Alert type="error" showIcon role="alert" title={errorMessage(move.error, t)} />}
      </Form>
    </Modal>
  );
}
