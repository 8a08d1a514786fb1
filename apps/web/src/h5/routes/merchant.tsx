import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { MerchantHolder, RedeemResult } from '@duodi/contracts';
import { itemsOf, useMerchantLookup, useMerchantRedeem, useShopRedemptions } from '../../features/hours/api/hours';
import { LoadMore, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError } from '../../features/hours/model';
import { decodeImageFile, decodePixels } from '../../features/hours/qr-decode';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 商户核销: a partner merchant enters the pickup code or scans the volunteer's QR; sees the star level and perks only. */
export default function MerchantPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.merchant.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.merchant.title')}</h1>
      <SignedIn next="/merchant" title={t('hours.merchant.title')}>
        {(me) =>
          hasRole(me, 'merchant') ? (
            <Merchant />
          ) : (
            <Section title={t('hours.merchant.title')}>
              <p className="h5-muted">{t('hours.merchant.notMerchant')}</p>
            </Section>
          )
        }
      </SignedIn>
    </>
  );
}

function Merchant() {
  const [result, setResult] = useState<RedeemResult | null>(null);
  return (
    <>
      {result && <RedeemedSection result={result} />}
      <CodeSection onRedeemed={setResult} />
      <ScanSection onRedeemed={setResult} />
      <ShopOrders />
    </>
  );
}

/** The shop's orders waiting for pickup (no codes: the volunteer shows theirs). */
function ShopOrders() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const orders = useShopRedemptions('pending_pickup');
  const items = itemsOf(orders.data);
  return (
    <Section title={t('hours.merchant.shopOrders')}>
      {orders.isPending && <Loading />}
      {orders.isError && <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />}
      {orders.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.merchant.noShopOrders')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.merchant.shopOrders')}>
          {items.map((order) => (
            <li key={order.id} className="hours-row">
              <div className="hours-row__head">
                <span>
                  {order.rewardName} × {order.quantity}
                </span>
                <span>{formatDate(order.createdAt, language)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={orders} />
    </Section>
  );
}

function Perks({ holder }: { holder: MerchantHolder }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="hours-big-number">{holder.star > 0 ? t('star.value', { count: holder.star }) : t('star.none')}</p>
      {holder.perks.length > 0 ? (
        <ul className="tag-row" aria-label={t('hours.merchant.perks')}>
          {holder.perks.map((perk) => (
            <li key={perk.code}>{t(`hours.perks.${perk.code}`)}</li>
          ))}
        </ul>
      ) : (
        <p className="h5-muted">{t('hours.merchant.noPerks')}</p>
      )}
    </>
  );
}

function RedeemedSection({ result }: { result: RedeemResult }) {
  const { t } = useTranslation();
  return (
    <section className="h5-section" role="status" aria-labelledby="hours-merchant-done">
      <h2 id="hours-merchant-done">{t('hours.merchant.done')}</h2>
      <p>
        {result.redemption.rewardName} × {result.redemption.quantity}
      </p>
      <Perks holder={result.holder} />
    </section>
  );
}

function CodeSection({ onRedeemed }: { onRedeemed: (result: RedeemResult) => void }) {
  const { t } = useTranslation();
  const redeem = useMerchantRedeem();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const valid = /^\d{6}$/.test(code);
  return (
    <Section title={t('hours.merchant.byCode')}>
      <form
        className="h5-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!valid) return;
          redeem.mutate(
            { code },
            {
              onSuccess: (result) => {
                setCode('');
                setTouched(false);
                onRedeemed(result);
              },
            },
          );
        }}
      >
        <TextField
          label={t('hours.merchant.code')}
          className="h5-input hours-code-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          error={touched && !valid ? t('hours.merchant.codeInvalid') : undefined}
        />
        {redeem.isError && (
          <p role="alert" className="h5-error">
            {hoursError(redeem.error, t)}
          </p>
        )}
        <Button block color="primary" size="large" type="submit" loading={redeem.isPending}>
          {t('hours.merchant.redeemCode')}
        </Button>
      </form>
    </Section>
  );
}

function ScanSection({ onRedeemed }: { onRedeemed: (result: RedeemResult) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lookup = useMerchantLookup();
  const redeem = useMerchantRedeem();
  const [qr, setQr] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const found = (text: string) => {
    setProblem(null);
    setQr(text);
    redeem.reset();
    lookup.mutate(text);
  };

  const onFile = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const text = await decodeImageFile(file);
    if (text) found(text);
    else setProblem(t('hours.merchant.noCodeInPhoto'));
  };

  return (
    <Section title={t('hours.merchant.byQr')}>
      {camera ? (
        <>
          <CameraView
            onText={(text) => {
              setCamera(false);
              found(text);
            }}
            onError={() => {
              setCamera(false);
              setProblem(t('hours.merchant.cameraError'));
            }}
          />
          <Button block onClick={() => setCamera(false)}>
            {t('hours.merchant.closeCamera')}
          </Button>
        </>
      ) : (
        <Button block color="primary" onClick={() => setCamera(true)}>
          {t('hours.merchant.openCamera')}
        </Button>
      )}
      <label className="hours-file-button" htmlFor={inputId}>
        {t('hours.merchant.choosePhoto')}
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/*"
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {problem && (
        <p role="alert" className="h5-error">
          {problem}
        </p>
      )}
      {lookup.isError && (
        <p role="alert" className="h5-error">
          {hoursError(lookup.error, t)}
        </p>
      )}
      {lookup.data && qr && (
        <>
          <h3>{t('hours.merchant.holder')}</h3>
          <Perks holder={lookup.data.holder} />
          <h3>{t('hours.merchant.openOrders')}</h3>
          {lookup.data.openOrders.length === 0 && <p className="h5-muted">{t('hours.merchant.noOrders')}</p>}
          <ul className="hours-list">
            {lookup.data.openOrders.map((order) => (
              <li key={order.id} className="hours-row">
                <div className="hours-row__head">
                  <span>
                    {order.rewardName} × {order.quantity}
                  </span>
                  <span>{formatDate(order.createdAt, language)}</span>
                </div>
                <Button
                  block
                  color="primary"
                  loading={
                    redeem.isPending && redeem.variables && 'redemptionId' in redeem.variables && redeem.variables.redemptionId === order.id
                  }
                  onClick={() =>
                    redeem.mutate(
                      { volunteerQr: qr, redemptionId: order.id },
                      {
                        onSuccess: (result) => {
                          lookup.reset();
                          setQr(null);
                          onRedeemed(result);
                        },
                      },
                    )
                  }
                >
                  {t('hours.merchant.redeemOrder', { name: order.rewardName })}
                </Button>
              </li>
            ))}
          </ul>
          {redeem.isError && (
            <p role="alert" className="h5-error">
              {hoursError(redeem.error, t)}
            </p>
          )}
        </>
      )}
    </Section>
  );
}

function CameraView({ onText, onError }: { onText: (text: string) => void; onError: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onText, onError });
  useEffect(() => {
    handlers.current = { onText, onError };
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      if (stopped) return;
      const video = videoRef.current;
      if (video && context && video.readyState >= 2 && video.videoWidth > 0) {
        const scale = Math.min(1, 720 / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const text = decodePixels(pixels.data, canvas.width, canvas.height);
        if (text) {
          stopped = true;
          handlers.current.onText(text);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      handlers.current.onError();
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !videoRef.current) return;
        videoRef.current.srcObject = media;
        await videoRef.current.play();
        frame = requestAnimationFrame(tick);
      })
      .catch(() => {
        if (!stopped) handlers.current.onError();
      });
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return <video ref={videoRef} className="hours-video" muted playsInline aria-label={t('hours.merchant.cameraLabel')} />;
}
