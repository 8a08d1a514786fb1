import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, Result, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, SKILLS, type Availability, type IdType, type Skill, type SpokenLanguage } from '@duodi/contracts';
import { ID_TYPES } from '../../lib/contract-values';
import { useCommunities, useCommunity } from '../../features/organization/api/get-communities';
import { useRegisterVolunteer, type VolunteerRegistered } from '../../features/volunteers/api/register-volunteer';
import {
  buildRegistration,
  draftFieldOf,
  emptyDraft,
  idFacts,
  idProblemKey,
  WEEKDAYS,
  type RegistrationDraft,
} from '../../features/volunteers/registration';
import { isApiError } from '../../lib/api-client';
import { isoWithOffset, todayIso } from '../../lib/datetime';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';

type Values = {
  name: string;
  nameBo?: string;
  idType: IdType;
  idNumber: string;
  birthDate?: string;
  gender?: 'male' | 'female';
  phone: string;
  communityId?: string;
  gridId?: string;
  skills: Skill[];
  languages: SpokenLanguage[];
  availability: Availability[];
  guardianName?: string;
  guardianPhone?: string;
  guardianConsent?: boolean;
  privacyConsent?: boolean;
  sensitiveConsent?: boolean;
  publicConsent?: boolean;
};

const PHONE = /^1[3-9]\d{9}$/;

/**
 * Staff register a volunteer on someone's behalf (an elderly resident at the desk, a paper form):
 * the same checks as the H5 form, with the person's consents confirmed by the staff member.
 */
export function RegisterVolunteerDrawer({
  open,
  onClose,
  onOpenProfile,
}: {
  open: boolean;
  onClose: () => void;
  onOpenProfile: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [done, setDone] = useState<VolunteerRegistered | null>(null);
  const close = () => {
    setDone(null);
    onClose();
  };
  return (
    <Drawer open={open} onClose={close} size="large" title={t('console.registerVolunteer.title')} destroyOnHidden>
      {done ? (
        <Result
          status="success"
          title={t('console.registerVolunteer.done', { volunteerNo: done.volunteerNo })}
          extra={[
            <Button key="open" type="primary" onClick={() => onOpenProfile(done.id)}>
              {t('console.registerVolunteer.openProfile')}
            </Button>,
            <Button key="another" onClick={() => setDone(null)}>
              {t('console.registerVolunteer.another')}
            </Button>,
          ]}
        />
      ) : (
        <RegisterForm onDone={setDone} />
      )}
    </Drawer>
  );
}

function RegisterForm({ onDone }: { onDone: (result: VolunteerRegistered) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  const register = useRegisterVolunteer();
  const communities = useCommunities();
  const idType = Form.useWatch('idType', form) ?? 'resident_id';
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const birthDate = Form.useWatch('birthDate', form) ?? '';
  const communityId = Form.useWatch('communityId', form);
  const community = useCommunity(communityId);
  const facts = useMemo(() => idFacts(idType, idNumber, birthDate), [idType, idNumber, birthDate]);
  const [guardianConsentAt, setGuardianConsentAt] = useState<string | null>(null);

  const idNote =
    idType === 'resident_id' && facts.problem === null && facts.birthDate
      ? t('volunteer.form.idRead', {
          birthDate: formatDate(facts.birthDate, language),
          gender: facts.gender ? t(`gender.${facts.gender}`) : '',
          age: facts.age ?? '',
        })
      : undefined;

  const handleFinish = (values: Values) => {
    const draft: RegistrationDraft = emptyDraft({
      name: values.name,
      nameBo: values.nameBo ?? '',
      idType: values.idType,
      idNumber: values.idNumber,
      birthDate: values.birthDate ?? '',
      gender: values.gender ?? '',
      phone: values.phone,
      communityId: values.communityId ?? '',
      gridId: values.gridId ?? '',
      skills: values.skills ?? [],
      languages: values.languages ?? [],
      availability: values.availability ?? [],
      guardianName: values.guardianName ?? '',
      guardianPhone: values.guardianPhone ?? '',
      guardianConsent: Boolean(values.guardianConsent),
      consents: {
        privacy_policy: Boolean(values.privacyConsent),
        sensitive_data: Boolean(values.sensitiveConsent),
        public_display: Boolean(values.publicConsent),
      },
    });
    register.mutate(buildRegistration(draft, facts, { guardianConsentAt, forSelf: false }), {
      onSuccess: onDone,
      onError: (error) => {
        if (!isApiError(error)) return;
        const fields: { name: keyof Values; errors: string[] }[] = [];
        for (const problem of error.errors) {
          const name = draftFieldOf(problem.field);
          if (name) fields.push({ name, errors: [problem.message] });
        }
        if (error.code === 'duplicate_id_number') fields.push({ name: 'idNumber', errors: [error.detail] });
        if (fields.length) form.setFields(fields);
      },
    });
  };

  const required = { required: true, message: t('volunteer.errors.required') };
  const mustTick = (message: string) => ({
    validator: (_: unknown, value: boolean) => (value ? Promise.resolve() : Promise.reject(new Error(message))),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="register-volunteer"
      initialValues={{ idType: 'resident_id', skills: [], languages: [], availability: [] }}
      onFinish={handleFinish}
      scrollToFirstError
    >
      <h2 className="console-subtitle">{t('volunteer.form.identity')}</h2>
      <Form.Item label={t('volunteer.form.realName')} name="name" rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={50} autoComplete="off" />
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
          normalize={(value: string) => value.replace(/\s+/g, '').toUpperCase()}
          extra={idNote}
          validateFirst
          rules={[
            required,
            {
              validator: (_, value: string) => {
                const problem = idProblemKey(idFacts(form.getFieldValue('idType') ?? 'resident_id', value ?? '', ''), { submitted: true });
                return problem ? Promise.reject(new Error(t(`volunteer.errors.${problem}`))) : Promise.resolve();
              },
            },
          ]}
          style={{ minWidth: 280 }}
        >
          <Input maxLength={idType === 'resident_id' ? 18 : 30} autoComplete="off" spellCheck={false} />
        </Form.Item>
      </Space>
      {idType !== 'resident_id' && (
        <Space wrap align="start">
          <Form.Item
            label={t('volunteer.form.birthDate')}
            name="birthDate"
            rules={[{ required: true, message: t('volunteer.errors.birthDateRequired') }]}
          >
            <Input type="date" max={todayIso()} />
          </Form.Item>
          <Form.Item label={t('volunteer.form.gender')} name="gender">
            <Select
              style={{ minWidth: 140 }}
              allowClear
              placeholder={t('common.notSaying')}
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
              ]}
            />
          </Form.Item>
        </Space>
      )}

      {facts.minor && (
        <>
          <h2 className="console-subtitle">{t('volunteer.form.guardian')}</h2>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              facts.underFourteen
                ? t('volunteer.form.guardianUnder14', { age: facts.age ?? '' })
                : t('volunteer.form.guardianIntro', { age: facts.age ?? '' })
            }
          />
          <Space wrap align="start">
            <Form.Item
              label={t('volunteer.form.guardianName')}
              name="guardianName"
              rules={[{ required: true, whitespace: true, message: t('volunteer.errors.guardianNameRequired') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              label={t('volunteer.form.guardianPhone')}
              name="guardianPhone"
              rules={[{ required: true, pattern: PHONE, message: t('volunteer.errors.guardianPhone') }]}
            >
              <Input type="tel" maxLength={11} />
            </Form.Item>
          </Space>
          <Form.Item name="guardianConsent" valuePropName="checked" rules={[mustTick(t('volunteer.errors.guardianConsentRequired'))]}>
            <Checkbox onChange={(event) => setGuardianConsentAt(event.target.checked ? isoWithOffset() : null)}>
              {t('volunteer.form.guardianConsent')}
            </Checkbox>
          </Form.Item>
        </>
      )}

      <h2 className="console-subtitle">{t('volunteer.form.contact')}</h2>
      <Form.Item
        label={t('volunteer.form.phone')}
        name="phone"
        rules={[{ required: true, pattern: PHONE, message: t('volunteer.errors.phone') }]}
      >
        <Input type="tel" maxLength={11} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item label={t('volunteer.form.community')} name="communityId" rules={[required]}>
          <Select
            style={{ minWidth: 200 }}
            loading={communities.isPending}
            onChange={() => form.setFieldValue('gridId', undefined)}
            options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: localName(c, language).text }))}
          />
        </Form.Item>
        <Form.Item label={t('volunteer.form.grid')} name="gridId" rules={[required]}>
          <Select
            style={{ minWidth: 220 }}
            disabled={!communityId}
            loading={Boolean(communityId) && community.isPending}
            options={(community.data?.grids ?? []).map((g) => ({ value: g.id, label: localName(g, language).text }))}
          />
        </Form.Item>
      </Space>

      <h2 className="console-subtitle">{t('volunteer.form.skillsAndLanguages')}</h2>
      <Form.Item label={t('volunteer.form.skills')} name="skills">
        <Checkbox.Group options={SKILLS.map((s) => ({ value: s, label: t(`skills.${s}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('volunteer.form.languages')}
        name="languages"
        // A validator, not `required`: antd would put aria-required on the checkbox group, which role=group does not allow.
        rules={[
          {
            validator: (_, value: unknown[] | undefined) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error(t('volunteer.errors.languagesRequired'))),
          },
        ]}
      >
        <Checkbox.Group options={LANGUAGES.map((l) => ({ value: l, label: t(`spokenLanguages.${l}`) }))} />
      </Form.Item>

      <h2 className="console-subtitle">{t('volunteer.form.availabilityTitle')}</h2>
      <Form.List name="availability">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="end" className="console-availability-row">
                <Form.Item label={t('volunteer.form.weekdayOf', { n: index + 1 })} name={[field.name, 'weekday']} rules={[required]}>
                  <Select style={{ minWidth: 120 }} options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) }))} />
                </Form.Item>
                <Form.Item label={t('volunteer.form.fromOf', { n: index + 1 })} name={[field.name, 'from']} rules={[required]}>
                  <Input type="time" step={900} />
                </Form.Item>
                <Form.Item
                  label={t('volunteer.form.toOf', { n: index + 1 })}
                  name={[field.name, 'to']}
                  dependencies={[['availability', field.name, 'from']]}
                  rules={[
                    required,
                    ({ getFieldValue }) => ({
                      validator: (_, value: string) =>
                        !value || value > (getFieldValue(['availability', field.name, 'from']) ?? '')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('volunteer.errors.windowOrder'))),
                    }),
                  ]}
                >
                  <Input type="time" step={900} />
                </Form.Item>
                <Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('volunteer.form.removeWindow', { n: index + 1 })}</Button>
                </Form.Item>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ weekday: 6, from: '09:00', to: '12:00' })}>
                {t('volunteer.form.addWindow')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>

      <h2 className="console-subtitle">{t('volunteer.form.consents')}</h2>
      <p>
        {t('console.registerVolunteer.consentsIntro')}{' '}
        <a href="/privacy" target="_blank" rel="noopener">
          {t('volunteer.form.readPrivacy')}
        </a>
      </p>
      <Form.Item name="privacyConsent" valuePropName="checked" rules={[mustTick(t('volunteer.errors.consentRequired'))]}>
        <Checkbox>{t('volunteer.form.consentPrivacy')}</Checkbox>
      </Form.Item>
      <Form.Item name="sensitiveConsent" valuePropName="checked" rules={[mustTick(t('volunteer.errors.consentRequired'))]}>
        <Checkbox>{t('volunteer.form.consentSensitive')}</Checkbox>
      </Form.Item>
      <Form.Item name="publicConsent" valuePropName="checked">
        <Checkbox>{t('volunteer.form.consentPublic')}</Checkbox>
      </Form.Item>

      {register.isError && (
        <Alert style={{ marginBottom: 16 }} type="error" showIcon role="alert" title={errorMessage(register.error, t)} />
      )}
      <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
        {t('console.registerVolunteer.submit')}
      </Button>
    </Form>
  );
}
