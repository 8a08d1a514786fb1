import { useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FOCUS_TAGS, SKILLS, TEAM_DOMAINS, type FocusTag, type Skill, type TeamDomain } from '@duodi/contracts';
import { useMe } from '../../account/api/get-me';
import { useTeams } from '../../organization/api/get-teams';
import { isApiError } from '../../../lib/api-client';
import { isoWithOffset } from '../../../lib/datetime';
import { errorMessage } from '../../../lib/error-message';
import { currentLanguage } from '../../../lib/i18n';
import { localName } from '../../../lib/localize';
import { hasRole, scopesOf } from '../../../lib/roles';
import { useCreateActivity, useUpdateActivity, type ActivityPatch } from '../api/activities';
import { RECRUITING_EDITABLE, SIGN_IN_METHODS, type ActivityDetail, type ActivityInput, type SignInMethod } from '../types';

type Values = {
  title: string;
  titleBo: string;
  category: TeamDomain;
  teamId?: string;
  description?: string;
  riskNotice: string;
  needsInsurance: boolean;
  targetGroups: FocusTag[];
  placeName: string;
  lat: number;
  lng: number;
  radiusM: number;
  startsAt: string;
  endsAt: string;
  headcount: number;
  minAge?: number | null;
  maxAge?: number | null;
  minorsAllowed: boolean;
  skills: Skill[];
  signInMethods: SignInMethod[];
  maxCreditableMinutes?: number | null;
  recurrence: 'none' | 'weekly' | 'monthly';
  recurrenceCount?: number;
};

/** Server field names → form field names (the place is flattened in the form). */
const FIELD_OF: Record<string, keyof Values> = {
  'place.name': 'placeName',
  'place.lat': 'lat',
  'place.lng': 'lng',
  'place.radiusM': 'radiusM',
  'recurrence.count': 'recurrenceCount',
};

/** The form's first window: 09:00–12:00 the day after tomorrow. */
function defaultWindow(): { start: Date; end: Date } {
  const start = new Date();
  start.setDate(start.getDate() + 2);
  start.setHours(9, 0, 0, 0);
  return { start, end: new Date(start.getTime() + 3 * 3_600_000) };
}

/** A `datetime-local` value of a date on this device. */
function localInput(date: Date): string {
  return isoWithOffset(date).slice(0, 16);
}

/** The form's values of an existing activity (edit mode). */
function valuesOf(a: ActivityDetail): Partial<Values> {
  return {
    title: a.title,
    titleBo: a.titleBo,
    category: a.category,
    teamId: a.teamId ?? undefined,
    description: a.description,
    riskNotice: a.riskNotice,
    needsInsurance: a.needsInsurance,
    targetGroups: a.targetGroups,
    placeName: a.place.name,
    lat: a.place.lat,
    lng: a.place.lng,
    radiusM: a.place.radiusM,
    startsAt: localInput(new Date(a.startsAt)),
    endsAt: localInput(new Date(a.endsAt)),
    headcount: a.headcount,
    minAge: a.minAge,
    maxAge: a.maxAge,
    minorsAllowed: a.minorsAllowed,
    skills: a.skills,
    signInMethods: a.signInMethods,
    maxCreditableMinutes: a.maxCreditableMinutes,
    recurrence: 'none',
  };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Only what changed against the activity as read (recruiting: only the fields still open). */
export function patchOf(a: ActivityDetail, body: ActivityInput): ActivityPatch {
  const patch: Record<string, unknown> = {};
  const next: Record<string, unknown> = {
    title: body.title,
    titleBo: body.titleBo,
    category: body.category,
    description: body.description ?? '',
    riskNotice: body.riskNotice,
    needsInsurance: body.needsInsurance,
    targetGroups: body.targetGroups,
    place: body.place,
    headcount: body.headcount,
    minAge: body.minAge ?? null,
    maxAge: body.maxAge ?? null,
    minorsAllowed: body.minorsAllowed,
    skills: body.skills,
    signInMethods: body.signInMethods,
    ...(body.maxCreditableMinutes !== undefined ? { maxCreditableMinutes: body.maxCreditableMinutes } : {}),
  };
  const before: Record<string, unknown> = { ...a, place: a.place };
  for (const [key, value] of Object.entries(next)) if (!same(before[key], value)) patch[key] = value;
  if (Date.parse(body.startsAt) !== Date.parse(a.startsAt) || Date.parse(body.endsAt) !== Date.parse(a.endsAt)) {
    patch.startsAt = body.startsAt;
    patch.endsAt = body.endsAt;
  }
  if (a.status === 'recruiting') {
    for (const key of Object.keys(patch)) if (!(RECRUITING_EDITABLE as readonly string[]).includes(key)) delete patch[key];
  }
  return patch as ActivityPatch;
}

/**
 * 新建活动 (team leader, community admin): the DOMAIN §9 fields — titles in zh and bo, category of the 项目清单,
 * organizing team, place with coordinates and geofence, time window, headcount, eligibility, target groups,
 * the required risk notice, the insurance flag (DR-15), sign-in methods and an optional weekly/monthly series.
 * It is saved as a draft; submitting it for review is a separate step.
 * With `activity` it edits that one (编辑活动): every field of a draft except the team and the series; while
 * recruiting only the description, the place, the risk notice and a larger headcount (the rest is shown locked).
 */
export function ActivityFormDrawer({
  open,
  onClose,
  onSaved,
  activity,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (a: ActivityDetail) => void;
  activity?: ActivityDetail;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const teams = useTeams();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const save = activity ? update : create;
  const locked = activity?.status === 'recruiting';
  /** Disabled in edit mode while recruiting, unless the field is still open. */
  const lock = (field: string) => locked && !(RECRUITING_EDITABLE as readonly string[]).includes(field);
  const [unchanged, setUnchanged] = useState(false);
  const leads = scopesOf(me, 'team_leader');
  const communities = scopesOf(me, 'community_admin');
  const street = hasRole(me, 'street_admin');
  const teamOptions = (teams.data?.items ?? []).filter(
    (team) => street || leads.includes(team.id) || (team.communityId !== null && communities.includes(team.communityId)),
  );
  const required = { required: true, message: t('volunteer.errors.required') };
  const [{ start, end }] = useState(defaultWindow);

  const initialValues: Partial<Values> = activity
    ? valuesOf(activity)
    : {
        needsInsurance: false,
        targetGroups: [],
        skills: [],
        signInMethods: ['qr', 'code'],
        radiusM: 200,
        headcount: 10,
        minorsAllowed: false,
        startsAt: localInput(start),
        endsAt: localInput(end),
        recurrence: 'none',
        teamId: leads.length === 1 ? leads[0] : undefined,
      };

  const handleFinish = (values: Values) => {
    const body: ActivityInput = {
      title: values.title.trim(),
      titleBo: values.titleBo.trim(),
      category: values.category,
      ...(values.teamId ? { teamId: values.teamId } : {}),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      riskNotice: values.riskNotice.trim(),
      needsInsurance: values.needsInsurance,
      targetGroups: values.targetGroups,
      place: { name: values.placeName.trim(), lat: values.lat, lng: values.lng, radiusM: values.radiusM },
      startsAt: isoWithOffset(new Date(values.startsAt)),
      endsAt: isoWithOffset(new Date(values.endsAt)),
      headcount: values.headcount,
      ...(values.minAge != null ? { minAge: values.minAge } : {}),
      ...(values.maxAge != null ? { maxAge: values.maxAge } : {}),
      minorsAllowed: values.minorsAllowed,
      skills: values.skills,
      signInMethods: values.signInMethods,
      ...(values.maxCreditableMinutes != null ? { maxCreditableMinutes: values.maxCreditableMinutes } : {}),
      ...(values.recurrence !== 'none' ? { recurrence: { freq: values.recurrence, count: values.recurrenceCount ?? 4 } } : {}),
    };
    const onError = (error: unknown) => {
      if (!isApiError(error)) return;
      const fields = error.errors
        .map((e) => ({ name: FIELD_OF[e.field] ?? (e.field as keyof Values), errors: [e.message] }))
        .filter(
          (f) =>
            f.name in initialValues ||
            ['title', 'titleBo', 'category', 'riskNotice', 'placeName', 'lat', 'lng', 'description', 'maxAge', 'minAge'].includes(f.name),
        );
      if (fields.length) form.setFields(fields);
    };
    if (activity) {
      const patch = patchOf(activity, body);
      setUnchanged(Object.keys(patch).length === 0);
      if (Object.keys(patch).length === 0) return;
      update.mutate({ id: activity.id, version: activity.version, patch }, { onSuccess: onSaved, onError });
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => {
        form.resetFields();
        onSaved(created);
      },
      onError,
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={activity ? t('activityEdit.title') : t('console.activities.form.title')}
      size="large"
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {activity ? t('activityEdit.save') : t('console.activities.form.save')}
        </Button>
      }
    >
      <p>{activity ? t(locked ? 'activityEdit.introRecruiting' : 'activityEdit.introDraft') : t('console.activities.form.intro')}</p>
      {save.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(save.error, t)} />}
      {unchanged && <Alert style={{ marginBottom: 12 }} type="info" showIcon role="status" title={t('activityEdit.unchanged')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="activity-form"
        initialValues={initialValues}
        onFinish={handleFinish}
        scrollToFirstError
      >
        <Form.Item label={t('console.activities.form.titleZh')} name="title" rules={[{ ...required, whitespace: true }, { max: 120 }]}>
          <Input lang="zh-CN" disabled={lock('title')} />
        </Form.Item>
        <Form.Item label={t('console.activities.form.titleBo')} name="titleBo" rules={[{ ...required, whitespace: true }, { max: 240 }]}>
          <Input lang="bo" disabled={lock('titleBo')} />
        </Form.Item>
        <Form.Item label={t('console.activities.form.category')} name="category" rules={[required]}>
          <Select
            disabled={lock('category')}
            options={TEAM_DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))}
            placeholder={t('common.choose')}
          />
        </Form.Item>
        {!activity && (
          <Form.Item
            label={t('activities.fields.team')}
            name="teamId"
            rules={leads.length > 0 && communities.length === 0 && !street ? [required] : []}
          >
            <Select
              allowClear
              options={teamOptions.map((team) => ({ value: team.id, label: localName(team, language).text }))}
              placeholder={t('common.choose')}
            />
          </Form.Item>
        )}
        <Form.Item label={`${t('console.activities.form.description')} ${t('common.optional')}`} name="description" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          label={t('activities.fields.riskNotice')}
          name="riskNotice"
          extra={t('console.activities.form.riskHint')}
          rules={[{ ...required, whitespace: true, message: t('console.activities.form.riskRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="needsInsurance"
          valuePropName="checked"
          label={t('activities.fields.insurance')}
          extra={t('console.activities.form.insuranceHint')}
        >
          <Switch aria-label={t('activities.fields.insurance')} disabled={lock('needsInsurance')} />
        </Form.Item>
        <Form.Item label={`${t('console.activities.form.targetGroups')} ${t('common.optional')}`} name="targetGroups">
          <Checkbox.Group
            disabled={lock('targetGroups')}
            options={FOCUS_TAGS.map((tag) => ({ value: tag, label: t(`focusTags.${tag}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('activities.fields.place')} name="placeName" rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item label={t('console.activities.form.lat')} name="lat" rules={[required]}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('console.activities.form.lng')} name="lng" rules={[required]}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('console.activities.form.radius')} name="radiusM" rules={[required]}>
            <InputNumber min={10} max={5000} style={{ width: 140 }} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item label={t('console.activities.form.startsAt')} name="startsAt" rules={[required]}>
            <Input type="datetime-local" disabled={lock('startsAt')} />
          </Form.Item>
          <Form.Item
            label={t('console.activities.form.endsAt')}
            name="endsAt"
            dependencies={['startsAt']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || Date.parse(value) > Date.parse(getFieldValue('startsAt') as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('console.activities.form.endAfterStart'))),
              }),
            ]}
          >
            <Input type="datetime-local" disabled={lock('endsAt')} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            label={t('activities.fields.headcount')}
            name="headcount"
            rules={[required]}
            extra={locked ? t('activityEdit.headcountUpOnly', { n: activity.headcount }) : undefined}
          >
            <InputNumber min={locked ? activity.headcount : 1} max={1000} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={`${t('console.activities.form.maxMinutes')} ${t('common.optional')}`} name="maxCreditableMinutes">
            <InputNumber min={1} max={1440} style={{ width: 160 }} disabled={lock('maxCreditableMinutes')} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item label={`${t('console.activities.form.minAge')} ${t('common.optional')}`} name="minAge">
            <InputNumber min={0} max={120} style={{ width: 120 }} disabled={lock('minAge')} />
          </Form.Item>
          <Form.Item label={`${t('console.activities.form.maxAge')} ${t('common.optional')}`} name="maxAge">
            <InputNumber min={0} max={120} style={{ width: 120 }} disabled={lock('maxAge')} />
          </Form.Item>
          <Form.Item label={t('console.activities.form.minors')} name="minorsAllowed" valuePropName="checked">
            <Switch aria-label={t('console.activities.form.minors')} disabled={lock('minorsAllowed')} />
          </Form.Item>
        </div>
        <Form.Item label={`${t('console.activities.form.skills')} ${t('common.optional')}`} name="skills">
          <Select
            mode="multiple"
            disabled={lock('skills')}
            options={SKILLS.map((s) => ({ value: s, label: t(`skills.${s}`) }))}
            placeholder={t('common.choose')}
          />
        </Form.Item>
        <Form.Item label={t('activities.fields.signInMethods')} name="signInMethods" rules={[{ ...required, type: 'array', min: 1 }]}>
          <Checkbox.Group
            disabled={lock('signInMethods')}
            options={SIGN_IN_METHODS.map((m) => ({ value: m, label: t(`activities.methods.${m}`) }))}
          />
        </Form.Item>
        {!activity && (
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item label={t('console.activities.form.recurrence')} name="recurrence">
              <Select
                style={{ width: 160 }}
                options={(['none', 'weekly', 'monthly'] as const).map((r) => ({
                  value: r,
                  label: t(`console.activities.form.recurrences.${r}`),
                }))}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['recurrence']}>
              {({ getFieldValue }) =>
                getFieldValue('recurrence') !== 'none' ? (
                  <Form.Item label={t('console.activities.form.occurrences')} name="recurrenceCount" initialValue={4}>
                    <InputNumber min={2} max={12} style={{ width: 120 }} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </div>
        )}
      </Form>
    </Drawer>
  );
}
