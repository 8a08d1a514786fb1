import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { CertificateLanguage, CertificateListItem, CertificateRequest } from '@duodi/contracts';
import { downloadCertificate, useMyCertificateRequests, useMyCertificates, useRequestCertificate } from '../../features/hours/api/hours';
import { SignedIn } from '../../features/hours/components/h5-parts';
import { CERTIFICATE_LANGUAGES } from '../../features/hours/values';
import { hoursError, hoursText, verifyLink } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField, TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 我的证明: service-record certificates issued by the community or street — PDF download and a link anyone can check. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.certificates.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.certificates.title')}</h1>
      <SignedIn next="/me/certificates" title={t('hours.certificates.title')}>
        {(me) => (
          <>
            <Certificates />
            {me.volunteerId && <Requests />}
          </>
        )}
      </SignedIn>
    </>
  );
}

function Certificates() {
  const { t } = useTranslation();
  const certificates = useMyCertificates();
  const items = certificates.data?.items ?? [];
  return (
    <Section title={t('hours.certificates.list')}>
      <p className="h5-muted">{t('hours.certificates.howToGet')}</p>
      {certificates.isPending && <Loading />}
      {certificates.isError && <ErrorNotice error={certificates.error} onRetry={() => void certificates.refetch()} />}
      {certificates.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.certificates.empty')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.certificates.list')}>
          {items.map((c) => (
            <CertificateRow key={c.number} certificate={c} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function CertificateRow({ certificate }: { certificate: CertificateListItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const link = verifyLink(window.location.origin, certificate.number);

  const download = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await downloadCertificate(certificate.number);
    } catch (error) {
      setProblem(hoursError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const share = async () => {
    setProblem(null);
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: t('hours.certificates.shareTitle'), url: link });
      } else {
        await navigator.clipboard.writeText(link);
      }
      setCopied(true);
    } catch {
      setProblem(t('hours.certificates.shareFailed'));
    }
  };

  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{certificate.number}</span>
        <span>{t('hours.hoursValue', { value: hoursText(certificate.verifiedMinutes) })}</span>
      </div>
      <p className="hours-row__meta">
        {certificate.issuer} · {formatDate(certificate.issuedAt, language)} · {t(`hours.certificates.language.${certificate.language}`)}
      </p>
      {certificate.revokedAt && (
        <p className="status-badge status-badge--rejected">
          {t('hours.certificates.revoked', { date: formatDate(certificate.revokedAt, language) })}
        </p>
      )}
      <p className="hours-row__meta">
        {t('hours.certificates.verifyAt')} <a href={link}>{link}</a>
      </p>
      <div className="h5-actions">
        <Button block color="primary" loading={busy} onClick={() => void download()}>
          {t('hours.certificates.download', { number: certificate.number })}
        </Button>
        <Button block onClick={() => void share()}>
          {t('hours.certificates.share', { number: certificate.number })}
        </Button>
      </div>
      {copied && (
        <p role="status" className="h5-success">
          {t('hours.certificates.shared')}
        </p>
      )}
      {problem && (
        <p role="alert" className="h5-error">
          {problem}
        </p>
      )}
    </li>
  );
}

/** Ask the recording organisation for a certificate, and see how earlier requests went. */
function Requests() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const requests = useMyCertificateRequests();
  const create = useRequestCertificate();
  const [lang, setLang] = useState<CertificateLanguage>('bilingual');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const periodBad = Boolean(from && to && from > to);
  const items = requests.data?.items ?? [];
  const open = items.some((r) => r.status === 'pending');
  return (
    <>
      <Section title={t('hoursGaps.request.title')}>
        <p className="h5-muted">{t('hoursGaps.request.intro')}</p>
        {!open && (
          <form
            className="h5-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (periodBad) return;
              create.mutate({ language: lang, ...(from ? { periodFrom: from } : {}), ...(to ? { periodTo: to } : {}) });
            }}
          >
            <SelectField
              label={t('hoursGaps.request.language')}
              value={lang}
              onChange={(e) => setLang(e.target.value as CertificateLanguage)}
            >
              {CERTIFICATE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`hours.certificates.language.${l}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('hoursGaps.request.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <TextField
              label={t('hoursGaps.request.to')}
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              error={periodBad ? t('hoursGaps.request.periodBad') : undefined}
            />
            {create.isError && (
              <p role="alert" className="h5-error">
                {hoursError(create.error, t)}
              </p>
            )}
            <Button block color="primary" type="submit" loading={create.isPending}>
              {t('hoursGaps.request.submit')}
            </Button>
          </form>
        )}
        {create.isSuccess && (
          <p role="status" className="h5-success">
            {t('hoursGaps.request.sent')}
          </p>
        )}
      </Section>
      <Section title={t('hoursGaps.request.list')}>
        {requests.isPending && <Loading />}
        {requests.isError && <ErrorNotice error={requests.error} onRetry={() => void requests.refetch()} />}
        {requests.isSuccess && items.length === 0 && <p className="h5-muted">{t('hoursGaps.request.empty')}</p>}
        {items.length > 0 && (
          <ul className="hours-list" aria-label={t('hoursGaps.request.list')}>
            {items.map((r) => (
              <RequestRow key={r.id} request={r} language={language} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function RequestRow({ request, language }: { request: CertificateRequest; language: ReturnType<typeof currentLanguage> }) {
  const { t } = useTranslation();
  const badge = request.status === 'issued' ? 'approved' : request.status === 'declined' ? 'rejected' : 'pending';
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{t(`hours.certificates.language.${request.language}`)}</span>
        <span className={`status-badge status-badge--${badge}`}>{t(`hoursGaps.request.status.${request.status}`)}</span>
      </div>
      <p className="hours-row__meta">
        {t('hoursGaps.request.requestedAt', { date: formatDate(request.createdAt, language) })} ·{' '}
        {request.periodFrom || request.periodTo
          ? `${request.periodFrom ? formatDate(request.periodFrom, language) : '…'} – ${request.periodTo ? formatDate(request.periodTo, language) : '…'}`
          : t('hoursGaps.request.allPeriod')}
      </p>
      {request.certificateNumber && <p>{t('hoursGaps.request.issuedNumber', { number: request.certificateNumber })}</p>}
      {request.declineReason && <p>{t('hoursGaps.request.declined', { reason: request.declineReason })}</p>}
    </li>
  );
}
