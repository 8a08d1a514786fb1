import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { LedgerAccount, LedgerEntry } from '@duodi/contracts';
import { itemsOf, useAccountEntries, useMyAccounts } from '../../features/hours/api/hours';
import { FilterButtons, LoadMore, SignedIn } from '../../features/hours/components/h5-parts';
import { amountText } from '../../features/hours/model';
import { LEDGER_ENTRY_TYPES } from '../../features/hours/values';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

type Kind = LedgerAccount['kind'];
const KINDS: readonly Kind[] = ['points', 'time_bank'];

/** 积分与时间储蓄: both balances and the history of each (points never reduce service hours, DR-11). */
export default function WalletPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.wallet.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.wallet.title')}</h1>
      <SignedIn next="/wallet" title={t('hours.wallet.title')}>
        {() => <Wallet />}
      </SignedIn>
    </>
  );
}

function Wallet() {
  const { t } = useTranslation();
  const accounts = useMyAccounts();
  const [kind, setKind] = useState<Kind>('points');
  const account = accounts.data?.items.find((a) => a.kind === kind);
  return (
    <>
      <Section title={t('hours.wallet.balances')}>
        {accounts.isPending && <Loading />}
        {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
        {accounts.data && (
          <dl className="hours-balances">
            {KINDS.map((k) => {
              const found = accounts.data.items.find((a) => a.kind === k);
              return (
                <div key={k}>
                  <dt>{t(k === 'points' ? 'hours.wallet.points' : 'hours.wallet.timeBank')}</dt>
                  <dd>{amountText(k, found?.balance ?? 0, t)}</dd>
                </div>
              );
            })}
          </dl>
        )}
        <p className="h5-muted">{t('hours.pointsNeverReduceHours')}</p>
        <div className="h5-actions">
          <Link className="h5-button-link" to="/rewards">
            {t('hours.rewards.title')}
          </Link>
          <Link className="h5-button-link h5-button-link--ghost" to="/time-bank">
            {t('hours.timeBank.title')}
          </Link>
        </div>
      </Section>
      <Section title={t('hours.wallet.history')}>
        <FilterButtons
          label={t('hours.wallet.which')}
          options={KINDS}
          value={kind}
          labelOf={(k) => t(k === 'points' ? 'hours.wallet.points' : 'hours.wallet.timeBank')}
          onChange={setKind}
        />
        {account ? <Entries account={account} /> : accounts.isSuccess && <p className="h5-muted">{t('hours.wallet.empty')}</p>}
      </Section>
    </>
  );
}

function Entries({ account }: { account: LedgerAccount }) {
  const { t } = useTranslation();
  const entries = useAccountEntries(account.id);
  const items = itemsOf(entries.data);
  return (
    <>
      {entries.isPending && <Loading />}
      {entries.isError && <ErrorNotice error={entries.error} onRetry={() => void entries.refetch()} />}
      {entries.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.wallet.empty')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.wallet.history')}>
          {items.map((entry) => (
            <EntryRow key={entry.id} kind={account.kind} entry={entry} />
          ))}
        </ul>
      )}
      <LoadMore query={entries} />
    </>
  );
}

function EntryRow({ kind, entry }: { kind: Kind; entry: LedgerEntry }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const known = LEDGER_ENTRY_TYPES.find((type) => type === entry.type);
  const sign = entry.delta >= 0 ? '+' : '−';
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{known ? t(`hours.entryType.${known}`) : t('hours.entryType.other')}</span>
        <span className={entry.delta >= 0 ? 'hours-delta--in' : 'hours-delta--out'}>
          {entry.delta >= 0 ? t('hours.wallet.in') : t('hours.wallet.out')} {sign}
          {amountText(kind, Math.abs(entry.delta), t)}
        </span>
      </div>
      <p className="hours-row__meta">
        {formatDate(entry.at, language)} · {t('hours.wallet.balanceAfter', { value: amountText(kind, entry.balanceAfter, t) })}
        {entry.reversed && ` · ${t('hours.wallet.reversed')}`}
      </p>
      {entry.memo && <p className="hours-row__meta">{entry.memo}</p>}
    </li>
  );
}
