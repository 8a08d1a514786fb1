import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Redemption, Reward } from '@duodi/contracts';
import { itemsOf, useMyAccounts, useRedeemReward, useRewards, useVolunteerSummary } from '../../features/hours/api/hours';
import { LoadMore, PickupCode, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError } from '../../features/hours/model';
import { useIdempotencyKey } from '../../features/hours/use-idempotency';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** 爱心超市: the catalog with points, stock and minimum star; redeeming gives a 6-digit pickup code. */
export default function RewardsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.rewards.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.rewards.title')}</h1>
      <SignedIn next="/rewards" title={t('hours.rewards.title')}>
        {(me) => <Catalog volunteerId={me.volunteerId} />}
      </SignedIn>
    </>
  );
}

function Catalog({ volunteerId }: { volunteerId: string | null }) {
  const { t } = useTranslation();
  const rewards = useRewards();
  const accounts = useMyAccounts();
  const summary = useVolunteerSummary(volunteerId);
  const points = accounts.data?.items.find((a) => a.kind === 'points')?.balance;
  const star = summary.data?.star ?? 0;
  const [done, setDone] = useState<Redemption | null>(null);
  const items = itemsOf(rewards.data);
  return (
    <>
      <Section title={t('hours.rewards.myPoints')}>
        {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
        <p className="hours-big-number">{points === undefined ? '…' : t('hours.pointsValue', { value: String(points) })}</p>
        <p className="h5-muted">{t('hours.pointsNeverReduceHours')}</p>
        <div className="h5-actions">
          <Link className="h5-button-link h5-button-link--ghost" to="/me/redemptions">
            {t('hours.redemptions.title')}
          </Link>
        </div>
      </Section>
      {done && <RedeemedNotice redemption={done} />}
      <Section title={t('hours.rewards.catalog')}>
        {rewards.isPending && <Loading />}
        {rewards.isError && <ErrorNotice error={rewards.error} onRetry={() => void rewards.refetch()} />}
        {rewards.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.rewards.empty')}</p>}
        {items.length > 0 && (
          <ul className="hours-list" aria-label={t('hours.rewards.catalog')}>
            {items.map((reward) => (
              <RewardRow key={reward.id} reward={reward} points={points} star={star} onRedeemed={setDone} />
            ))}
          </ul>
        )}
        <LoadMore query={rewards} />
      </Section>
    </>
  );
}

function RedeemedNotice({ redemption }: { redemption: Redemption }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = localName({ name: redemption.rewardName, nameBo: redemption.rewardNameBo, nameEn: redemption.rewardNameEn }, language);
  return (
    <section className="h5-section" role="status" aria-labelledby="hours-redeemed-title">
      <h2 id="hours-redeemed-title">{t('hours.rewards.redeemed')}</h2>
      <p>
        <span lang={langAttr(name, language)}>{name.text}</span> × {redemption.quantity} ·{' '}
        {t('hours.pointsValue', { value: String(redemption.points) })}
      </p>
      {redemption.pickupCode && <PickupCode code={redemption.pickupCode} label={t('hours.redemptions.pickupCode')} />}
      <p className="h5-muted">{t('hours.rewards.pickupHint', { merchant: redemption.merchantName })}</p>
    </section>
  );
}

function RewardRow({
  reward,
  points,
  star,
  onRedeemed,
}: {
  reward: Reward;
  points: number | undefined;
  star: number;
  onRedeemed: (redemption: Redemption) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = localName(reward, language);
  const merchant = localName(reward.merchant, language);
  const [open, setOpen] = useState(false);
  const [quantity, setQuantity] = useState(1);
  const redeem = useRedeemReward();
  const { keyFor } = useIdempotencyKey();
  const maxQuantity = Math.max(1, Math.min(reward.stock, reward.perPeriodLimit ?? 5, 5));
  const blocker =
    reward.stock <= 0
      ? t('hours.rewards.soldOut')
      : star < reward.minStar
        ? t('hours.rewards.needStar', { count: reward.minStar })
        : points !== undefined && points < reward.pointsCost
          ? t('hours.rewards.notEnough')
          : null;

  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span lang={langAttr(name, language)}>{name.text}</span>
        <span>{t('hours.pointsValue', { value: String(reward.pointsCost) })}</span>
      </div>
      <p className="hours-row__meta">
        <span lang={langAttr(merchant, language)}>{merchant.text}</span> · {t('hours.rewards.stock', { count: reward.stock })}
        {reward.minStar > 0 && ` · ${t('hours.rewards.minStar', { count: reward.minStar })}`}
        {reward.perPeriodLimit !== null && ` · ${t(`hours.rewards.limit.${reward.limitPeriod}`, { count: reward.perPeriodLimit })}`}
      </p>
      {blocker && <p className="hours-row__meta">{blocker}</p>}
      {!open && (
        <Button
          block
          color="primary"
          disabled={Boolean(blocker)}
          onClick={() => {
            redeem.reset();
            setOpen(true);
          }}
        >
          {t('hours.rewards.redeem', { name: name.text })}
        </Button>
      )}
      {open && (
        <form
          className="h5-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const body = { rewardId: reward.id, quantity };
            redeem.mutate(
              { ...body, key: keyFor(body) },
              {
                onSuccess: (redemption) => {
                  setOpen(false);
                  onRedeemed(redemption);
                },
              },
            );
          }}
        >
          <SelectField label={t('hours.rewards.quantity')} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))}>
            {Array.from({ length: maxQuantity }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <p>{t('hours.rewards.confirmText', { points: reward.pointsCost * quantity })}</p>
          {redeem.isError && (
            <p role="alert" className="h5-error">
              {hoursError(redeem.error, t)}
            </p>
          )}
          <Button block color="primary" type="submit" loading={redeem.isPending}>
            {t('hours.rewards.confirm')}
          </Button>
          <Button block onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </form>
      )}
    </li>
  );
}
