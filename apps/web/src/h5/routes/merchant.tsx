import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { MerchantHolder, RedeemResult } from '@duodi/contracts';
import { itemsOf, useMerchantLookup, useMerchantRedeem, useShopRedemptions } from '../../features/hours/api/hours';
import { LoadMore, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { langAttr, localName } from '../../lib/localize';
import { currentLanguage } from '../../lib/i18n';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextField } from '../components/form-field';
import { QrScanner } from '../components/qr-scanner';
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
                  <LocalName
                    name={{ name: order.rewardName, nameBo: order.rewardNameBo, nameEn: order.rewardNameEn }}
                    language={language}
                  />{' '}
                  × {order.quantity}
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

/** A reward name in the UI language, marked with the language it is really in (Chinese fallback). */
function LocalName({
  name,
  language,
}: {
  name: { name: string; nameBo: string | null; nameEn: string | null };
  language: ReturnType<typeof currentLanguage>;
}) {
  const text = localName(name, language);
  return <span lang={langAttr(text, language)}>{text.text}</span>;
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

  const found = (text: string) => {
    setQr(text);
    redeem.reset();
    lookup.mutate(text);
  };

  return (
    <Section title={t('hours.merchant.byQr')}>
      <QrScanner
        onText={found}
        labels={{
          openCamera: t('hours.merchant.openCamera'),
          closeCamera: t('hours.merchant.closeCamera'),
          choosePhoto: t('hours.merchant.choosePhoto'),
          camera: t('hours.merchant.cameraLabel'),
          cameraError: t('hours.merchant.cameraError'),
          noCodeInPhoto: t('hours.merchant.noCodeInPhoto'),
        }}
        videoClassName="hours-video"
        fileButtonClassName="hours-file-button"
      />
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
