import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, SKILLS, TEAM_DOMAINS, type Skill, type SpokenLanguage, type TeamDomain } from '@duodi/contracts';
import {
  useCreateServiceItem,
  useUpdateServiceItem,
  type ServiceItemInput,
  type StaffServiceItem,
} from '../../features/dispatch/api/service-items';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';

type Values = {
  name: string;
  nameBo?: string;
  nameEn?: string;
  category?: TeamDomain;
  skills: Skill[];
  languages: SpokenLanguage[];
  typicalMinutes?: number | null;
  volunteersNeeded?: number | null;
  description?: string;
  active: boolean;
};

const FORM_FIELDS = new Set<string>([
  'name',
  'nameBo',
  'nameEn',
  'category',
  'skills',
  'languages',
  'typicalMinutes',
  'volunteersNeeded',
  'description',
  'active',
]);
const HAN = /[\u3400-\u9FFF]/;
const TIBETAN = /[\u0F00-\u0FFF]/;

/** The body to send: trimmed texts, empty optional names as null. Exported for the tests of the rules. */
export function toInput(values: Values): ServiceItemInput {
  const clean = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    name: values.name.trim(),
    nameBo: clean(values.nameBo),
    nameEn: clean(values.nameEn),
    category: values.category as TeamDomain,
    skills: values.skills,
    languages: values.languages,
    typicalMinutes: Number(values.typicalMinutes),
    volunteersNeeded: Number(values.volunteersNeeded),
    description: clean(values.description),
    active: values.active,
  };
}

/** What changed against the item, for PATCH (null clears an optional text). */
function patchOf(item: StaffServiceItem, next: ServiceItemInput): Partial<ServiceItemInput> {
  const patch: Partial<ServiceItemInput> = {};
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  if (next.name !== item.name) patch.name = next.name;
  if ((next.nameBo ?? null) !== item.nameBo) patch.nameBo = next.nameBo ?? null;
  if ((next.nameEn ?? null) !== item.nameEn) patch.nameEn = next.nameEn ?? null;
  if (next.category !== item.category) patch.category = next.category;
  if (!same(next.skills, item.skills)) patch.skills = next.skills;
  if (!same(next.languages, item.languages)) patch.languages = next.languages;
  if (next.typicalMinutes !== item.typicalMinutes) patch.typicalMinutes = next.typicalMinutes;
  if (next.volunteersNeeded !== item.volunteersNeeded) patch.volunteersNeeded = next.volunteersNeeded;
  if ((next.description ?? null) !== (item.description ?? null)) patch.description = next.description ?? null;
  if (next.active !== item.active) patch.active = next.active;
  return patch;
}

/** 新增/编辑服务项目 (street admin): names in three languages, category, skills, languages, typical minutes, slots. */
export function ServiceItemDrawer({ open, item, onClose }: { open: boolean; item: StaffServiceItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={item ? t('dispatch.menu.editTitle') : t('dispatch.menu.createTitle')}
      destroyOnHidden
    >
      {open && <ServiceItemForm item={item} onSaved={onClose} />}
    </Drawer>
  );
}

function ServiceItemForm({ item, onSaved }: { item: StaffServiceItem | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateServiceItem();
  const update = useUpdateServiceItem();
  const mutation = item ? update : create;
  const required = { required: true, message: t('dispatch.menu.errors.required') };
  const initialValues: Values = item
    ? {
        name: item.name,
        nameBo: item.nameBo ?? undefined,
        nameEn: item.nameEn ?? undefined,
        category: item.category,
        skills: item.skills,
        languages: item.languages,
        typicalMinutes: item.typicalMinutes,
        volunteersNeeded: item.volunteersNeeded,
        description: item.description ?? undefined,
        active: item.active,
      }
    : { name: '', skills: [], languages: [], typicalMinutes: 60, volunteersNeeded: 1, active: true };

  const onError = (error: unknown) => {
    if (!isApiError(error)) return;
    const fields = error.errors
      .filter((e) => FORM_FIELDS.has(e.field))
      .map((e) => ({ name: e.field as keyof Values, errors: [e.message] }));
    if (fields.length) form.setFields(fields);
  };
  const handleFinish = (values: Values) => {
    const input = toInput(values);
    if (!item) return create.mutate(input, { onSuccess: onSaved, onError });
    const patch = patchOf(item, input);
    if (Object.keys(patch).length === 0) return onSaved();
    update.mutate({ id: item.id, body: patch }, { onSuccess: onSaved, onError });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="service-item-form"
      initialValues={initialValues}
      onFinish={handleFinish}
      scrollToFirstError
    >
      <Form.Item
        label={t('dispatch.menu.name')}
        name="name"
        rules={[
          { ...required, whitespace: true },
          { max: 60, message: t('dispatch.menu.errors.max', { count: 60 }) },
        ]}
      >
        <Input lang="zh-CN" />
      </Form.Item>
      <Form.Item
        label={`${t('dispatch.menu.nameBo')} ${t('common.optional')}`}
        name="nameBo"
        rules={[
          { max: 120, message: t('dispatch.menu.errors.max', { count: 120 }) },
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || (TIBETAN.test(value) && !HAN.test(value))
                ? Promise.resolve()
                : Promise.reject(new Error(t('dispatch.menu.errors.tibetan'))),
          },
        ]}
      >
        <Input lang="bo" />
      </Form.Item>
      <Form.Item
        label={`${t('dispatch.menu.nameEn')} ${t('common.optional')}`}
        name="nameEn"
        rules={[
          { max: 120, message: t('dispatch.menu.errors.max', { count: 120 }) },
          {
            validator: (_, value: string | undefined) =>
              !value || !(HAN.test(value) || TIBETAN.test(value))
                ? Promise.resolve()
                : Promise.reject(new Error(t('dispatch.menu.errors.latin'))),
          },
        ]}
      >
        <Input lang="en" />
      </Form.Item>
      <Form.Item label={t('dispatch.menu.category')} name="category" rules={[required]}>
        <Select options={TEAM_DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} placeholder={t('common.choose')} />
      </Form.Item>
      <Form.Item
        label={t('dispatch.menu.skills')}
        name="skills"
        rules={[{ type: 'array', max: 10, message: t('dispatch.menu.errors.maxItems', { count: 10 }) }]}
      >
        <Select mode="multiple" options={SKILLS.map((s) => ({ value: s, label: t(`skills.${s}`) }))} placeholder={t('common.choose')} />
      </Form.Item>
      <Form.Item label={t('dispatch.menu.languages')} name="languages">
        <Select
          mode="multiple"
          options={LANGUAGES.map((l) => ({ value: l, label: t(`spokenLanguages.${l}`) }))}
          placeholder={t('common.choose')}
        />
      </Form.Item>
      <Form.Item
        label={t('dispatch.menu.typicalMinutes')}
        name="typicalMinutes"
        rules={[required, { type: 'integer', min: 5, max: 1440, message: t('dispatch.menu.errors.minutes', { min: 5, max: 1440 }) }]}
      >
        <InputNumber style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('dispatch.menu.volunteersNeeded')}
        name="volunteersNeeded"
        rules={[required, { type: 'integer', min: 1, max: 50, message: t('dispatch.menu.errors.volunteers', { min: 1, max: 50 }) }]}
      >
        <InputNumber style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={`${t('dispatch.menu.description')} ${t('common.optional')}`}
        name="description"
        rules={[{ max: 1000, message: t('dispatch.menu.errors.max', { count: 1000 }) }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('dispatch.menu.active')} name="active" valuePropName="checked">
        <Switch />
      </Form.Item>
      {mutation.isError && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(mutation.error, t)} />
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
