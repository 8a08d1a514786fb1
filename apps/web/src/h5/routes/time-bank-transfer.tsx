import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Me, TimeBankWithdrawal } from '@duodi/contracts';
import {
  itemsOf,
  useConfirmWithdrawal,
  useCreateWithdrawal,
  useMyAccounts,
  useRelatives,
  useServiceItemOptions,
  useTimeBankDonation,
  useTimeBankTransfer,
  useWithdrawals,
} from '../../features/hours/api/hours';
import { LoadMore, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError, hoursText } from '../../features/hours/model';
import { useIdempotencyKey } from '../../features/hours/use-idempotency';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

/** Hours typed by a person (1.5) as whole minutes; null when not a positive number of at most `maxHours`. */
function minutesOf(text: string, maxHours: number): number | null {
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0 || value > maxHours) return null;
  const minutes = Math.round(value * 60);
  return minutes > 0 ? minutes : null;
}

/** 时间储蓄: the balance, a transfer to a registered family member, a donation to the public pool, and using coins for a service. */
export default function TimeBankPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.timeBank.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.timeBank.title')}</h1>
      <SignedIn next="/time-bank" title={t('hours.timeBank.title')}>
        {(me) => <TimeBank me={me} />}
      </SignedIn>
    </>
  );
}

function TimeBank({ me }: { me: Me }) {
  const { t } = useTranslation();
  const accounts = useMyAccounts();
  const balance = accounts.data?.items.find((a) => a.kind === 'time_bank')?.balance ?? 0;
  return (
    <>
      <Section title={t('hours.timeBank.balance')}>
        {accounts.isPending && <Loading />}
        {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
        {accounts.data && <p className="hours-big-number">{t('hours.hoursValue', { value: hoursText(balance) })}</p>}
        <p className="h5-muted">{t('hours.timeBank.explain')}</p>
      </Section>
      <TransferSection />
      <DonateSection />
      <WithdrawalSection me={me} />
    </>
  );
}

/** What a time-bank form's request came to: the error (role alert) or the success line (role status). */
function Outcome({ error, done = null }: { error: unknown; done?: string | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p role="alert" className="h5-error">
        {hoursError(error, t)}
      </p>
    );
  }
  return done ? (
    <p role="status" className="h5-success">
      {done}
    </p>
  ) : null;
}

function TransferSection() {
  const { t } = useTranslation();
  const relatives = useRelatives();
  const transfer = useTimeBankTransfer();
  const { keyFor } = useIdempotencyKey();
  const [to, setTo] = useState('');
  const [hours, setHours] = useState('');
  const [touched, setTouched] = useState(false);
  const minutes = minutesOf(hours, 1500);
  const list = relatives.data?.items ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!to || minutes === null) return;
    const body = { toPersonId: to, minutes };
    transfer.mutate({ ...body, key: keyFor(body) });
  };

  return (
    <Section title={t('hours.timeBank.transfer')}>
      {relatives.isPending && <Loading />}
      {relatives.isError && <ErrorNotice error={relatives.error} onRetry={() => void relatives.refetch()} />}
      {relatives.isSuccess && list.length === 0 && <p className="h5-muted">{t('hours.timeBank.noRelatives')}</p>}
      {list.length > 0 && (
        <ul className="hours-list" aria-label={t('hoursGaps.family.registered')}>
          {list.map((r) => (
            <li key={r.personId} className="hours-row">
              <div className="hours-row__head">
                <span>{r.name}</span>
                <span>{t(`hours.relation.${r.relation}`)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <form className="h5-form" noValidate onSubmit={submit}>
          <SelectField
            label={t('hours.timeBank.toRelative')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={touched && !to ? t('hours.timeBank.chooseRelative') : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {list.map((r) => (
              <option key={r.personId} value={r.personId}>
                {r.name} · {t(`hours.relation.${r.relation}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('hours.timeBank.hours')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={touched && minutes === null ? t('hours.timeBank.hoursInvalid') : undefined}
          />
          <Outcome
            error={transfer.isError ? transfer.error : null}
            done={transfer.isSuccess ? t('hours.timeBank.transferred', { value: hoursText(transfer.data.minutes) }) : null}
          />
          <Button block color="primary" type="submit" loading={transfer.isPending}>
            {t('hours.timeBank.transferButton')}
          </Button>
        </form>
      )}
    </Section>
  );
}

function DonateSection() {
  const { t } = useTranslation();
  const donate = useTimeBankDonation();
  const { keyFor } = useIdempotencyKey();
  const [hours, setHours] = useState('');
  const [touched, setTouched] = useState(false);
  const minutes = minutesOf(hours, 1500);
  return (
    <Section title={t('hours.timeBank.donate')}>
      <p className="h5-muted">{t('hours.timeBank.donateExplain')}</p>
      <form
        className="h5-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (minutes === null) return;
          donate.mutate({ minutes, key: keyFor({ minutes }) });
        }}
      >
        <TextField
          label={t('hours.timeBank.donateHours')}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={touched && minutes === null ? t('hours.timeBank.hoursInvalid') : undefined}
        />
        <Outcome
          error={donate.isError ? donate.error : null}
          done={donate.isSuccess ? t('hours.timeBank.donated', { value: hoursText(donate.data.minutes) }) : null}
        />
        <Button block type="submit" loading={donate.isPending}>
          {t('hours.timeBank.donateButton')}
        </Button>
      </form>
    </Section>
  );
}

function WithdrawalSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const withdrawals = useWithdrawals();
  const relatives = useRelatives();
  const items = useServiceItemOptions();
  const create = useCreateWithdrawal();
  const confirm = useConfirmWithdrawal();
  const { keyFor } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [itemId, setItemId] = useState('');
  const [beneficiary, setBeneficiary] = useState('');
  const [hours, setHours] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const minutes = minutesOf(hours, 100);
  const list = itemsOf(withdrawals.data);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!itemId || minutes === null || description.trim().length < 2) return;
    const body = {
      minutes,
      serviceItemId: itemId,
      description: description.trim(),
      ...(beneficiary ? { beneficiaryPersonId: beneficiary } : {}),
    };
    create.mutate({ body, key: keyFor(body) }, { onSuccess: () => setOpen(false) });
  };

  return (
    <Section title={t('hours.timeBank.withdrawals')}>
      <p className="h5-muted">{t('hours.timeBank.withdrawExplain')}</p>
      {create.isSuccess && !open && (
        <p role="status" className="h5-success">
          {t('hours.timeBank.withdrawCreated', { value: hoursText(create.data.minutes) })}
        </p>
      )}
      {!open && (
        <Button block onClick={() => setOpen(true)}>
          {t('hours.timeBank.withdrawOpen')}
        </Button>
      )}
      {open && (
        <form className="h5-form" noValidate onSubmit={submit}>
          <SelectField
            label={t('hours.timeBank.serviceItem')}
            value={itemId}
            onChange={(e) => setItemId(e.target.value)}
            error={touched && !itemId ? t('hours.timeBank.chooseItem') : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {(items.data?.items ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {localName(item, language).text}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('hours.timeBank.beneficiary')} value={beneficiary} onChange={(e) => setBeneficiary(e.target.value)}>
            <option value="">{t('hours.timeBank.myself')}</option>
            {(relatives.data?.items ?? []).map((r) => (
              <option key={r.personId} value={r.personId}>
                {r.name} · {t(`hours.relation.${r.relation}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('hours.timeBank.hours')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={touched && minutes === null ? t('hours.timeBank.hoursInvalid') : undefined}
          />
          <TextAreaField
            label={t('hours.timeBank.description')}
            value={description}
            maxLength={500}
            onChange={(e) => setDescription(e.target.value)}
            error={touched && description.trim().length < 2 ? t('common.reasonRequired', { count: 2 }) : undefined}
          />
          <Outcome error={create.isError ? create.error : null} />
          <Button block color="primary" type="submit" loading={create.isPending}>
            {t('hours.timeBank.withdrawButton')}
          </Button>
          <Button block onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </form>
      )}
      {withdrawals.isError && <ErrorNotice error={withdrawals.error} onRetry={() => void withdrawals.refetch()} />}
      {confirm.isError && (
        <p role="alert" className="h5-error">
          {hoursError(confirm.error, t)}
        </p>
      )}
      {list.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.timeBank.withdrawals')}>
          {list.map((w) => (
            <WithdrawalRow key={w.id} withdrawal={w} me={me} onConfirm={() => confirm.mutate(w.id)} pending={confirm.isPending} />
          ))}
        </ul>
      )}
      <LoadMore query={withdrawals} />
    </Section>
  );
}

function WithdrawalRow({
  withdrawal,
  me,
  onConfirm,
  pending,
}: {
  withdrawal: TimeBankWithdrawal;
  me: Me;
  onConfirm: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canConfirm =
    withdrawal.status === 'escrowed' && (withdrawal.beneficiaryPersonId === me.personId || withdrawal.holderPersonId === me.personId);
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{withdrawal.description}</span>
        <span>{t('hours.hoursValue', { value: hoursText(withdrawal.minutes) })}</span>
      </div>
      <p className="hours-row__meta">
        {t(`hours.withdrawalStatus.${withdrawal.status}`)} · {formatDate(withdrawal.createdAt, language)}
        {withdrawal.status === 'escrowed' && ` · ${t('hours.timeBank.until', { date: formatDate(withdrawal.expiresAt, language) })}`}
      </p>
      {canConfirm && (
        <Button block color="primary" loading={pending} onClick={onConfirm}>
          {t('hours.timeBank.confirmService')}
        </Button>
      )}
    </li>
  );
}
