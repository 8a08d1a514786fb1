import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateCreate, CertificateLanguage } from '@duodi/contracts';
import { downloadCertificate, useIssueCertificate, useRevokeCertificate } from '../../features/hours/api/hours';
import { hoursError, verifyLink } from '../../features/hours/model';
import { CERTIFICATE_LANGUAGES } from '../../features/hours/values';
import { useDocumentTitle } from '../../lib/use-document-title';
import { VolunteerSearchSelect } from '../components/volunteer-search-select';

type IssueValues = { volunteerId?: string; language?: CertificateLanguage; periodFrom?: string; periodTo?: string; notes?: string };
type Issued = { number: string; volunteerId: string; revoked: boolean };

/**
 * 志愿服务记录证明: issue a certificate for a volunteer (谁记录谁证明: a community for the hours it recorded,
 * the street for all), download its PDF, and revoke one by its number with a reason.
 */
export default function CertificatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.certificates.title'), t('app.consoleName'));
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueCertificate();
  const revoke = useRevokeCertificate();
  const [issued, setIssued] = useState<Issued[]>([]);
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const submit = (values: IssueValues) => {
    const body: CertificateCreate = {
      volunteerId: values.volunteerId ?? '',
      language: values.language ?? 'bilingual',
      ...(values.periodFrom ? { periodFrom: values.periodFrom } : {}),
      ...(values.periodTo ? { periodTo: values.periodTo } : {}),
      ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
    };
    issue.mutate(body, {
      onSuccess: (data) => setIssued((list) => [{ number: data.number, volunteerId: body.volunteerId, revoked: false }, ...list]),
    });
  };

  const download = async (n: string) => {
    setDownloadError(null);
    try {
      await downloadCertificate(n);
    } catch (error) {
      setDownloadError(hoursError(error, t));
    }
  };

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.certificates.title')}</h1>
      <p>{t('hours.console.certificates.intro')}</p>
      <h2>{t('hours.console.certificates.issue')}</h2>
      <Form<IssueValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ language: 'bilingual' }}
        onFinish={submit}
      >
        <Form.Item
          name="volunteerId"
          label={t('hours.console.volunteer')}
          rules={[{ required: true, message: t('hours.console.required') }]}
        >
          <VolunteerSearchSelect />
        </Form.Item>
        <Form.Item name="language" label={t('hours.console.certificates.language')}>
          <Select options={CERTIFICATE_LANGUAGES.map((l) => ({ value: l, label: t(`hours.certificates.language.${l}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodFrom" label={t('hours.console.certificates.from')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="periodTo" label={t('hours.console.certificates.to')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('hours.console.certificates.notes')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        {issue.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(issue.error, t)} />}
        {issue.isSuccess && (
          <Alert
            style={{ marginBottom: 12 }}
            type="success"
            showIcon
            role="status"
            title={t('hours.console.certificates.issued', { number: issue.data.number })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          {t('hours.console.certificates.issueButton')}
        </Button>
      </Form>

      {issued.length > 0 && (
        <>
          <h2 style={{ marginTop: 24 }}>{t('hours.console.certificates.issuedNow')}</h2>
          {downloadError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={downloadError} />}
          <Table<Issued>
            rowKey="number"
            dataSource={issued}
            pagination={false}
            columns={[
              { title: t('hours.console.certificates.number'), dataIndex: 'number' },
              {
                title: t('hours.console.certificates.verifyLink'),
                key: 'link',
                render: (_, c) => <a href={verifyLink(window.location.origin, c.number)}>{verifyLink(window.location.origin, c.number)}</a>,
              },
              {
                title: t('fields.actions'),
                key: 'actions',
                render: (_, c) => (
                  <Button size="small" onClick={() => void download(c.number)}>
                    {t('hours.certificates.download', { number: c.number })}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}

      <h2 style={{ marginTop: 24 }}>{t('hours.console.certificates.revoke')}</h2>
      <p className="console-hint">{t('hours.console.certificates.revokeHint')}</p>
      <form
        style={{ maxWidth: 560 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (!number.trim() || reason.trim().length < 2) return;
          revoke.mutate(
            { number: number.trim(), reason: reason.trim() },
            { onSuccess: (data) => setIssued((list) => list.map((c) => (c.number === data.number ? { ...c, revoked: true } : c))) },
          );
        }}
      >
        <label className="console-label" htmlFor="hours-revoke-number">
          {t('hours.console.certificates.number')}
        </label>
        <Input id="hours-revoke-number" value={number} maxLength={40} onChange={(e) => setNumber(e.target.value.toUpperCase())} />
        <label className="console-label" htmlFor="hours-revoke-reason" style={{ marginTop: 8 }}>
          {t('hours.console.certificates.revokeReason')}
        </label>
        <Input.TextArea id="hours-revoke-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        {revoke.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={hoursError(revoke.error, t)} />}
        {revoke.isSuccess && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            role="status"
            title={t('hours.console.certificates.revoked', { number: revoke.data.number })}
          />
        )}
        <Button
          style={{ marginTop: 12 }}
          danger
          htmlType="submit"
          loading={revoke.isPending}
          disabled={!number.trim() || reason.trim().length < 2}
        >
          {t('hours.console.certificates.revokeButton')}
        </Button>
      </form>
    </>
  );
}
