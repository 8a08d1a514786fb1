import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InsuranceCreate, InsuranceRecord, VolunteerProfile } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useCommunities, useCommunity } from '../../features/organization/api/get-communities';
import { useRevealIdNumber } from '../../features/volunteers/api/get-id-number';
import { useVolunteer } from '../../features/volunteers/api/get-volunteer';
import { useAddInsurance } from '../../features/volunteers/api/insurance';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { formatDate, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { canRegisterOthers, canRevealIdNumber } from '../../lib/roles';
import { Loading, ProblemAlert } from './query-state';
import { StatusTag } from './status-tag';

/** A volunteer's registry record for staff: masked by the server, with a logged "show full ID" for need-to-know roles. */
export function VolunteerDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const volunteer = useVolunteer(id);
  const title = volunteer.data ? `${volunteer.data.name} · ${volunteer.data.volunteerNo}` : t('common.details');
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={title} destroyOnHidden>
      {volunteer.isPending && <Loading />}
      {volunteer.isError && <ProblemAlert error={volunteer.error} onRetry={() => void volunteer.refetch()} />}
      {volunteer.data && <VolunteerDetail profile={volunteer.data} />}
    </Drawer>
  );
}

function VolunteerDetail({ profile }: { profile: VolunteerProfile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data: me } = useMe();
  const communities = useCommunities();
  const community = useCommunity(profile.communityId ?? undefined);
  const communityName = communities.data?.items.find((c) => c.id === profile.communityId);
  const grid = community.data?.grids.find((g) => g.id === profile.gridId);

  return (
    <>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('fields.volunteerNo')}>{profile.volunteerNo}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.form.realName')}>{profile.name}</Descriptions.Item>
        {profile.nameBo && (
          <Descriptions.Item label={t('volunteer.form.nameBo')}>
            <span lang="bo">{profile.nameBo}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('volunteer.profile.genderAge')}>
          {[
            profile.gender ? t(`gender.${profile.gender}`) : null,
            profile.age !== null ? t('volunteer.profile.age', { count: profile.age }) : null,
          ]
            .filter(Boolean)
            .join(' · ') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={profile.idType ? t(`idTypes.${profile.idType}`) : t('fields.idNumber')}>
          <IdNumberCell profile={profile} allowed={canRevealIdNumber(me, profile.communityId)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>{profile.phoneMasked ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.profile.place')}>
          {[communityName ? localName(communityName, language).text : null, grid ? localName(grid, language).text : null]
            .filter(Boolean)
            .join(' · ') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.teams')}>
          {profile.teams.length === 0
            ? t('common.none')
            : profile.teams.map((team) => (
                <Tag key={team.id}>
                  <Link to={`/teams/${team.id}`}>{team.name}</Link> · {t(`teamRoles.${team.role}`)}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.skills')}>
          {profile.skills.length ? profile.skills.map((s) => <Tag key={s}>{t(`skills.${s}`)}</Tag>) : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.languages')}>
          {profile.languages.map((l) => t(`spokenLanguages.${l}`)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.form.availabilityTitle')}>
          {profile.availability.length === 0
            ? t('volunteer.profile.noAvailability')
            : profile.availability.map((w, i) => (
                <Tag key={i}>
                  {t(`weekdays.${w.weekday}` as 'weekdays.1')} {w.from}–{w.to}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.star')}>
          {profile.star > 0 ? t('star.value', { count: profile.star }) : t('star.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.hours')}>
          {t('common.hours', { value: minutesToHours(profile.verifiedMinutes) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.profile.partyMember')}>
          {profile.partyMember ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        {profile.guardian && (
          <Descriptions.Item label={t('volunteer.form.guardian')}>
            {[profile.guardian.name, profile.guardian.phoneMasked].filter(Boolean).join(' ')} ·{' '}
            {t('volunteer.profile.guardianConsentAt', { date: formatDate(profile.guardian.consentAt, language) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('volunteer.profile.registeredAt')}>{formatDate(profile.registeredAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.profile.status')}>{t(`volunteerStatus.${profile.status}`)}</Descriptions.Item>
      </Descriptions>
      <h2 className="console-section-title">{t('volunteer.profile.insurance')}</h2>
      <InsuranceTable records={profile.insurance} />
      {canRegisterOthers(me) && <AddInsuranceForm volunteerId={profile.id} />}
    </>
  );
}

/** The masked ID, and for need-to-know roles a button that fetches the full one (the server logs every view). */
function IdNumberCell({ profile, allowed }: { profile: VolunteerProfile; allowed: boolean }) {
  const { t } = useTranslation();
  const reveal = useRevealIdNumber();
  const [shown, setShown] = useState(false);
  if (!profile.idNumberMasked) return <>{t('common.none')}</>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <span className="console-id-number">{shown && reveal.data ? reveal.data.idNumber : profile.idNumberMasked}</span>
      {allowed && !shown && (
        <Button
          size="small"
          loading={reveal.isPending}
          onClick={() => reveal.mutate(profile.id, { onSuccess: () => setShown(true) })}
          aria-describedby={`id-log-hint-${profile.id}`}
        >
          {t('volunteer.idReveal.show')}
        </Button>
      )}
      {allowed && !shown && (
        <span id={`id-log-hint-${profile.id}`} className="console-hint">
          {t('volunteer.idReveal.hint')}
        </span>
      )}
      {shown && (
        <>
          <Alert type="warning" showIcon role="status" title={t('volunteer.idReveal.logged')} />
          <Button size="small" onClick={() => setShown(false)}>
            {t('volunteer.idReveal.hide')}
          </Button>
        </>
      )}
      {reveal.isError && <Alert type="error" showIcon role="alert" title={errorMessage(reveal.error, t)} />}
    </Space>
  );
}

function InsuranceTable({ records }: { records: InsuranceRecord[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table<InsuranceRecord>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={records}
      locale={{ emptyText: t('volunteer.profile.noInsurance') }}
      columns={[
        { title: t('insurance.insurer'), dataIndex: 'insurer' },
        { title: t('insurance.policyNo'), dataIndex: 'policyNo' },
        { title: t('insurance.validFrom'), dataIndex: 'validFrom', render: (v: string) => formatDate(v, language) },
        { title: t('insurance.validTo'), dataIndex: 'validTo', render: (v: string) => formatDate(v, language) },
        {
          title: t('volunteer.profile.status'),
          dataIndex: 'current',
          render: (current: boolean) =>
            current ? (
              <StatusTag tone="success">{t('volunteer.profile.insuranceCurrent')}</StatusTag>
            ) : (
              <StatusTag tone="neutral">{t('volunteer.profile.insuranceExpired')}</StatusTag>
            ),
        },
      ]}
    />
  );
}

function AddInsuranceForm({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InsuranceCreate>();
  const add = useAddInsurance(volunteerId);
  return (
    <>
      <h3 className="console-subtitle">{t('insurance.add')}</h3>
      <Form<InsuranceCreate>
        form={form}
        layout="vertical"
        name={`insurance-${volunteerId}`}
        onFinish={(values) => add.mutate(values, { onSuccess: () => form.resetFields() })}
      >
        <Space wrap align="start">
          <Form.Item
            label={t('insurance.insurer')}
            name="insurer"
            rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('insurance.policyNo')}
            name="policyNo"
            rules={[{ required: true, whitespace: true, message: t('volunteer.errors.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            label={t('insurance.validFrom')}
            name="validFrom"
            rules={[{ required: true, message: t('volunteer.errors.required') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            label={t('insurance.validTo')}
            name="validTo"
            dependencies={['validFrom']}
            rules={[
              { required: true, message: t('volunteer.errors.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || !getFieldValue('validFrom') || value >= getFieldValue('validFrom')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('insurance.toBeforeFrom'))),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        {add.isError && (
          <Alert
            style={{ marginBottom: 12 }}
            type="error"
            showIcon
            role="alert"
            title={errorMessage(add.error, t)}
            description={fieldErrors(add.error)}
          />
        )}
        {add.isSuccess && <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('insurance.added')} />}
        <Button htmlType="submit" loading={add.isPending}>
          {t('insurance.add')}
        </Button>
      </Form>
    </>
  );
}

/** Field problems of a 400 answer, one per line. */
export function fieldErrors(error: unknown): string | undefined {
  if (!isApiError(error) || error.errors.length === 0) return undefined;
  return error.errors.map((e) => `${e.field}: ${e.message}`).join('\n');
}
