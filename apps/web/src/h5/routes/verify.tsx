import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import List from 'antd-mobile/es/components/list';
import type { CertificateVerify } from '@duodi/contracts';
import { apiRequest, isApiError } from '../../lib/api-client';
import { formatDate, minutesToHours, formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';

const NUMBER = /^[A-Z0-9-]{6,40}$/;

function useCertificateCheck(number: string | undefined) {
  const valid = Boolean(number && NUMBER.test(number));
  return useQuery({
    queryKey: ['certificate-verify', number],
    queryFn: () => apiRequest<CertificateVerify>(`/api/v1/certificates/${encodeURIComponent(number ?? '')}/verify`),
    enabled: valid,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
}

/**
 * 证书核验: the public page the certificate's QR code opens (`/verify/{number}`), without login.
 * It shows only what GET /certificates/{number}/verify gives: masked name, hours, star, issuer,
 * dates and whether the certificate was revoked — said in words, not only by colour.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const language = currentLanguage();
  useDocumentTitle(t('verify.title'), t('app.name'));
  const check = useCertificateCheck(number);
  const wellFormed = NUMBER.test(number);
  const notFound = !wellFormed || (check.isError && isApiError(check.error) && check.error.status === 404);

  return (
    <>
      <h1 className="h5-page-title">{t('verify.title')}</h1>
      <p className="h5-muted">
        {t('verify.number')}: <span lang="en">{number}</span>
      </p>
      {wellFormed && check.isPending && <Loading />}
      {notFound && (
        <div role="alert">
          <p className="h5-error">{t('verify.notFound')}</p>
        </div>
      )}
      {check.isError && !notFound && <ErrorNotice error={check.error} onRetry={() => void check.refetch()} />}
      {check.data && (
        <>
          <div role="status" className={check.data.valid ? 'h5-verify-valid' : 'h5-verify-revoked'}>
            <p style={{ fontWeight: 600, fontSize: '1.15em', color: check.data.valid ? '#1a7f37' : '#b42318' }}>
              {check.data.valid ? t('verify.valid') : t('verify.revoked')}
            </p>
            {check.data.revokedAt && <p>{t('verify.revokedAt', { date: formatDate(check.data.revokedAt, language) })}</p>}
          </div>
          <List header={t('verify.details')}>
            <List.Item extra={check.data.holderName}>{t('verify.holder')}</List.Item>
            <List.Item extra={t('verify.hoursValue', { hours: formatNumber(minutesToHours(check.data.verifiedMinutes), language) })}>
              {t('verify.hours')}
            </List.Item>
            <List.Item extra={check.data.star > 0 ? t('verify.starValue', { n: check.data.star }) : t('verify.starNone')}>
              {t('verify.star')}
            </List.Item>
            <List.Item
              extra={
                // DR-25: a public check shows the issuer in Chinese and, when it has one, in Tibetan.
                <>
                  <span lang="zh-CN">{check.data.issuer}</span>
                  {check.data.issuerBo && (
                    <>
                      <br />
                      <span lang="bo">{check.data.issuerBo}</span>
                    </>
                  )}
                </>
              }
            >
              {t('verify.issuer')}
            </List.Item>
            <List.Item extra={formatDate(check.data.issuedAt, language)}>{t('verify.issuedAt')}</List.Item>
          </List>
          <p role="note" className="h5-muted">
            {t('verify.maskedNote')}
          </p>
        </>
      )}
    </>
  );
}
