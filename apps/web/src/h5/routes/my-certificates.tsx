import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { CertificateListItem } from '@duodi/contracts';
import { downloadCertificate, useMyCertificates } from '../../features/hours/api/hours';
import { SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError, hoursText, verifyLink } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
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
        {() => <Certificates />}
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
