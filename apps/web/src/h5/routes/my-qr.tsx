import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import QRCode from 'qrcode';
import { useMyQr, useVolunteerSummary } from '../../features/hours/api/hours';
import { NotVolunteer, SignedIn } from '../../features/hours/components/h5-parts';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 我的二维码: shown to a partner merchant, who sees only the star level and its perks; it renews itself before it expires. */
export default function MyQrPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.qr.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.qr.title')}</h1>
      <SignedIn next="/me/qr" title={t('hours.qr.title')}>
        {(me) => (me.volunteerId ? <QrPanel volunteerId={me.volunteerId} /> : <NotVolunteer />)}
      </SignedIn>
    </>
  );
}

function useSecondsLeft(expiresAt: string | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!expiresAt) return null;
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

function QrPanel({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const qr = useMyQr();
  const summary = useVolunteerSummary(volunteerId);
  const [svg, setSvg] = useState<string | null>(null);
  const payload = qr.data?.payload;
  const secondsLeft = useSecondsLeft(qr.data?.expiresAt);

  useEffect(() => {
    if (!payload) return;
    let cancelled = false;
    QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      .then((text) => {
        if (!cancelled) setSvg(text);
      })
      .catch(() => {
        if (!cancelled) setSvg(null);
      });
    return () => {
      cancelled = true;
    };
  }, [payload]);

  const { refetch } = qr;
  useEffect(() => {
    if (secondsLeft === 0) void refetch();
  }, [secondsLeft, refetch]);

  return (
    <Section title={t('hours.qr.forMerchant')}>
      <p className="h5-muted">{t('hours.qr.privacy')}</p>
      {qr.isPending && <Loading />}
      {qr.isError && <ErrorNotice error={qr.error} onRetry={() => void qr.refetch()} />}
      {qr.data && (
        <div className="hours-qr">
          {svg && <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('hours.qr.alt')} />}
          {summary.data && (
            <p className="hours-big-number">{summary.data.star > 0 ? t('star.value', { count: summary.data.star }) : t('star.none')}</p>
          )}
          {secondsLeft !== null && (
            <p role="timer" aria-live="off">
              {t('hours.qr.expiresIn', { minutes: Math.floor(secondsLeft / 60), seconds: String(secondsLeft % 60).padStart(2, '0') })}
            </p>
          )}
          <Button block onClick={() => void qr.refetch()} loading={qr.isFetching}>
            {t('hours.qr.refresh')}
          </Button>
        </div>
      )}
    </Section>
  );
}
