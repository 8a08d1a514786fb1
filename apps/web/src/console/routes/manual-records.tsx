import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ManualRecordCreate, ServiceRecord } from '@duodi/contracts';
import { useCreateManualRecord, useDecideRecord, useRecordQueue, useTeamOptions } from '../../features/hours/api/hours';
import { hoursError, hoursText } from '../../features/hours/model';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { ProblemAlert } from '../components/query-state';
import { RejectRecordModal, ServiceRecordTable } from '../components/service-record-table';
import { VolunteerSearchSelect } from '../components/volunteer-search-select';

type Values = {
  volunteerId?: string;
  servedOn?: string;
  hours?: number;
  content?: string;
  place?: string;
  communityId?: string;
  teamId?: string;
  reason?: string;
  evidence?: string;
};

/**
 * 补录: a staff member enters a record that no flow created, with the reason and evidence; it stays
 * pending until a second staff member (not the one who entered it) verifies it.
 */
export default function ManualRecordsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('hours.console.manual.title'), t('app.consoleName'));
  const [form] = Form.useForm<Values>();
  const create = useCreateManualRecord();
  const teams = useTeamOptions();
  const pending = useRecordQueue({ status: 'pending', source: 'backfill' });
  const decide = useDecideRecord();
  const [rejecting, setRejecting] = useState<ServiceRecord | null>(null);

  const submit = (values: Values) => {
    const evidence = (values.evidence ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const body: ManualRecordCreate = {
      volunteerId: values.volunteerId ?? '',
      servedOn: values.servedOn ?? '',
      minutes: Math.round((values.hours ?? 0) * 60),
      content: (values.content ?? '').trim(),
      reason: (values.reason ?? '').trim(),
      evidence,
      ...(values.place?.trim() ? { place: values.place.trim() } : {}),
      ...(values.communityId ? { communityId: values.communityId } : {}),
      ...(values.teamId ? { teamId: values.teamId } : {}),
    };
    create.mutate(body, { onSuccess: () => form.resetFields() });
  };

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.manual.title')}</h1>
      <p>{t('hours.console.manual.intro')}</p>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={submit}>
        <Form.Item
          name="volunteerId"
          label={t('hours.console.volunteer')}
          rules={[{ required: true, message: t('hours.console.required') }]}
        >
          <VolunteerSearchSelect />
        </Form.Item>
        <Form.Item
          name="servedOn"
          label={t('hours.console.servedOn')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('hours.console.dateFormat') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('hours.console.hoursInput')}
          rules={[{ required: true, type: 'number', min: 0.1, max: 24, message: t('hours.console.hoursRange') }]}
        >
          <InputNumber min={0.1} max={24} step={0.5} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('hours.console.content')}
          rules={[{ required: true, min: 2, message: t('common.reasonRequired', { count: 2 }) }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="place" label={t('hours.console.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="communityId" label={t('fields.community')}>
            <CommunitySelect />
          </Form.Item>
          <Form.Item name="teamId" label={t('hours.console.team')}>
            <Select
              allowClear
              style={{ minWidth: 220 }}
              loading={teams.isPending}
              options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: localName(team, language).text }))}
            />
          </Form.Item>
        </Space>
        <p className="console-hint">{t('hours.console.manual.whoRecords')}</p>
        <Form.Item
          name="reason"
          label={t('hours.console.manual.reason')}
          rules={[{ required: true, min: 2, message: t('common.reasonRequired', { count: 2 }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('hours.console.manual.evidence')}
          extra={t('hours.console.manual.evidenceHint')}
          rules={[{ required: true, message: t('hours.console.manual.evidenceRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {create.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(create.error, t)} />}
        {create.isSuccess && (
          <Alert
            style={{ marginBottom: 12 }}
            type="success"
            showIcon
            role="status"
            title={t('hours.console.manual.created', { name: create.data.volunteerName, value: hoursText(create.data.minutes) })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('hours.console.manual.submit')}
        </Button>
      </Form>

      <h2 style={{ marginTop: 32 }}>{t('hours.console.manual.pending')}</h2>
      {pending.isError && <ProblemAlert error={pending.error} onRetry={() => void pending.refetch()} />}
      {decide.isError && !rejecting && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(decide.error, t)} />
      )}
      <ServiceRecordTable
        queue={pending}
        scrollX={1000}
        columns={[
          {
            title: t('hours.console.manual.reason'),
            key: 'reason',
            render: (_, r) => (
              <>
                {r.reason}
                {r.evidence.length > 0 && <div>{t('hours.console.evidence', { list: r.evidence.join('；') })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) =>
              r.canDecide ? (
                <Space wrap>
                  <Button type="primary" size="small" onClick={() => decide.mutate({ id: r.id, action: 'verify' })}>
                    {t('hours.console.manual.approve', { name: r.volunteerName })}
                  </Button>
                  <Button danger size="small" onClick={() => setRejecting(r)}>
                    {t('hours.console.verification.reject', { name: r.volunteerName })}
                  </Button>
                </Space>
              ) : (
                t('hours.console.manual.secondApprover')
              ),
          },
        ]}
      />
      <RejectRecordModal record={rejecting} decide={decide} onClose={() => setRejecting(null)} />
    </>
  );
}
