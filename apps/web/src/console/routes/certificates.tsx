import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateCreate, CertificateLanguage, CertificateRequest, CertificateStaffItem } from '@duodi/contracts';
import {
  downloadCertificate,
  itemsOf,
  useCertificateRequests,
  useDecideCertificateRequest,
  useIssueCertificate,
  useRevokeCertificate,
  useStaffCertificates,
} from '../../features/hours/api/hours';
import { hoursText } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { ReasonModal } from '../components/reason-modal';
import { hoursError, verifyLink } from '../../features/hours/model';
import { CERTIFICATE_LANGUAGES } from '../../features/hours/values';
import { useDocumentTitle } from '../../lib/use-document-title';
import { VolunteerSearchSelect } from '../components/volunteer-search-select';

type IssueValues = { volunteerId?: string; language?: CertificateLanguage; periodFrom?: string; periodTo?: string; notes?: string };

/**
 * 志愿服务记录证明: issue a certificate for a volunteer (谁记录谁证明: a community for the hours it recorded,
 * the street for all), decide the volunteers' requests (issue or decline with a reason), list the
 * certificates the caller's organisation issued with download and revoke, and revoke one by its number.
 */
export default function CertificatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.certificates.title'), t('app.consoleName'));
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueCertificate();
  const revoke = useRevokeCertificate();
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
    issue.mutate(body);
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

      {downloadError && <Alert style={{ margin: '12px 0' }} type="error" showIcon role="alert" title={downloadError} />}
      <RequestsSection />
      <IssuedSection onDownload={(n) => void download(n)} />

      <h2 style={{ marginTop: 24 }}>{t('hours.console.certificates.revoke')}</h2>
      <p className="console-hint">{t('hours.console.certificates.revokeHint')}</p>
      <form
        style={{ maxWidth: 560 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (!number.trim() || reason.trim().length < 2) return;
          revoke.mutate({ number: number.trim(), reason: reason.trim() });
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

/** Volunteers' requests addressed to the caller's organisation: issue (creates the certificate) or decline with a reason. */
function RequestsSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const requests = useCertificateRequests('pending');
  const decide = useDecideCertificateRequest();
  const [declining, setDeclining] = useState<CertificateRequest | null>(null);
  const items = itemsOf(requests.data);
  return (
    <section aria-labelledby="cert-requests-title">
      <h2 id="cert-requests-title" style={{ marginTop: 24 }}>
        {t('hoursGaps.console.requests')}
      </h2>
      {requests.isError && <Alert type="error" showIcon role="alert" title={hoursError(requests.error, t)} />}
      {decide.isError && !declining && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(decide.error, t)} />
      )}
      <Table<CertificateRequest>
        rowKey="id"
        loading={requests.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('hoursGaps.console.requestsEmpty') }}
        columns={[
          { title: t('hoursGaps.console.holder'), key: 'holder', render: (_, r) => `${r.holderName} · ${r.volunteerNo}` },
          {
            title: t('hours.console.certificates.language'),
            key: 'language',
            render: (_, r) => t(`hours.certificates.language.${r.language}`),
          },
          {
            title: t('hoursGaps.console.period'),
            key: 'period',
            render: (_, r) =>
              r.periodFrom || r.periodTo ? `${r.periodFrom ?? '…'} – ${r.periodTo ?? '…'}` : t('hoursGaps.console.allPeriod'),
          },
          { title: t('hoursGaps.console.requestedAt'), key: 'at', render: (_, r) => formatDate(r.createdAt, language) },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  loading={decide.isPending && decide.variables?.id === r.id && decide.variables.action === 'issue'}
                  onClick={() => decide.mutate({ id: r.id, action: 'issue' })}
                >
                  {t('hoursGaps.console.issue', { name: r.holderName })}
                </Button>
                <Button size="small" danger onClick={() => setDeclining(r)}>
                  {t('hoursGaps.console.decline', { name: r.holderName })}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {requests.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={requests.isFetchingNextPage} onClick={() => void requests.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReasonModal
        key={declining?.id ?? ''}
        open={Boolean(declining)}
        title={declining ? t('hoursGaps.console.declineTitle', { name: declining.holderName }) : ''}
        label={t('hoursGaps.console.declineReason')}
        okText={t('hoursGaps.console.declineConfirm')}
        pending={decide.isPending}
        error={decide.error}
        maxLength={500}
        onSubmit={(reason) =>
          declining && decide.mutate({ id: declining.id, action: 'decline', reason }, { onSuccess: () => setDeclining(null) })
        }
        onCancel={() => setDeclining(null)}
      />
    </section>
  );
}

type RevokedFilter = 'all' | 'true' | 'false';

/** Certificates the caller's organisation issued (names masked), newest first: download, verify link, revoke. */
function IssuedSection({ onDownload }: { onDownload: (number: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [filter, setFilter] = useState<RevokedFilter>('all');
  const list = useStaffCertificates(filter === 'all' ? {} : { revoked: filter });
  const revoke = useRevokeCertificate();
  const [revoking, setRevoking] = useState<CertificateStaffItem | null>(null);
  const items = itemsOf(list.data);
  return (
    <section aria-labelledby="cert-issued-title">
      <h2 id="cert-issued-title" style={{ marginTop: 24 }}>
        {t('hoursGaps.console.issuedList')}
      </h2>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="cert-revoked-filter">{t('hoursGaps.console.filter')}</label>
        <Select<RevokedFilter>
          id="cert-revoked-filter"
          style={{ width: 160 }}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('hoursGaps.console.filterAll') },
            { value: 'false', label: t('hoursGaps.console.filterValid') },
            { value: 'true', label: t('hoursGaps.console.filterRevoked') },
          ]}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon role="alert" title={hoursError(list.error, t)} />}
      <Table<CertificateStaffItem>
        rowKey="number"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('hoursGaps.console.issuedEmpty') }}
        columns={[
          { title: t('hours.console.certificates.number'), dataIndex: 'number' },
          { title: t('hoursGaps.console.holder'), key: 'holder', render: (_, c) => `${c.holderName} · ${c.volunteerNo}` },
          {
            title: t('hoursGaps.console.hours'),
            key: 'hours',
            render: (_, c) => t('hours.hoursValue', { value: hoursText(c.verifiedMinutes) }),
          },
          { title: t('hoursGaps.console.issuer'), dataIndex: 'issuer' },
          { title: t('hoursGaps.console.issuedAt'), key: 'issuedAt', render: (_, c) => formatDate(c.issuedAt, language) },
          {
            title: t('hoursGaps.console.state'),
            key: 'state',
            render: (_, c) =>
              c.revokedAt ? t('hoursGaps.console.revokedOn', { date: formatDate(c.revokedAt, language) }) : t('hoursGaps.console.valid'),
          },
          {
            title: t('hours.console.certificates.verifyLink'),
            key: 'link',
            render: (_, c) => (
              <a href={verifyLink(window.location.origin, c.number)}>{t('hoursGaps.console.verify', { number: c.number })}</a>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => onDownload(c.number)}>
                  {t('hours.certificates.download', { number: c.number })}
                </Button>
                {!c.revokedAt && (
                  <Button size="small" danger onClick={() => setRevoking(c)}>
                    {t('hoursGaps.console.revokeOne', { number: c.number })}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReasonModal
        key={revoking?.number ?? ''}
        open={Boolean(revoking)}
        title={revoking ? t('hoursGaps.console.revokeTitle', { number: revoking.number }) : ''}
        label={t('hours.console.certificates.revokeReason')}
        okText={t('hours.console.certificates.revokeButton')}
        pending={revoke.isPending}
        error={revoke.error}
        maxLength={500}
        onSubmit={(reason) => revoking && revoke.mutate({ number: revoking.number, reason }, { onSuccess: () => setRevoking(null) })}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
