import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { ServiceRecord, ServiceRecordStatus } from '@duodi/contracts';
import { SERVICE_RECORD_STATUSES } from '../../features/hours/values';
import {
  downloadRecords,
  itemsOf,
  useAppealRecord,
  useRecordCorrections,
  useRequestCorrection,
  useVolunteerRecords,
} from '../../features/hours/api/hours';
import { FilterButtons, LoadMore, NotVolunteer, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError, hoursText } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextAreaField, TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

type Filter = ServiceRecordStatus | 'all';
const FILTERS: readonly Filter[] = ['all', ...SERVICE_RECORD_STATUSES];

/** 我的服务记录: each record with its hours and status (待确认 / 已确认 / 未通过), correction requests and appeals. */
export default function MyRecordsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.records.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.records.title')}</h1>
      <SignedIn next="/me/records" title={t('hours.records.title')}>
        {(me) => (me.volunteerId ? <Records volunteerId={me.volunteerId} /> : <NotVolunteer />)}
      </SignedIn>
    </>
  );
}

function Records({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const records = useVolunteerRecords(volunteerId, filter === 'all' ? undefined : filter);
  const items = itemsOf(records.data);
  return (
    <>
      <Section title={t('hours.records.list')}>
        <FilterButtons
          label={t('hours.records.filter')}
          options={FILTERS}
          value={filter}
          labelOf={(s) => (s === 'all' ? t('common.all') : t(`hours.recordStatus.${s}`))}
          onChange={setFilter}
        />
        {records.isPending && <Loading />}
        {records.isError && <ErrorNotice error={records.error} onRetry={() => void records.refetch()} />}
        {records.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.records.empty')}</p>}
        {items.length > 0 && (
          <ul className="hours-list" aria-label={t('hours.records.list')}>
            {items.map((record) => (
              <RecordRow key={record.id} record={record} />
            ))}
          </ul>
        )}
        <LoadMore query={records} />
      </Section>
      <ExportSection volunteerId={volunteerId} />
    </>
  );
}

/** 导出: the records as a workbook (field set of the regulations), e.g. for an employer or a school. */
function ExportSection({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Section title={t('hours.records.export')}>
      <p className="h5-muted">{t('hours.records.exportHint')}</p>
      <Button
        block
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          setSaved(null);
          try {
            setSaved(await downloadRecords(volunteerId));
          } catch (error) {
            setProblem(hoursError(error, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('hours.records.exportButton')}
      </Button>
      {saved && (
        <p role="status" className="h5-success">
          {t('hours.records.exported', { name: saved })}
        </p>
      )}
      {problem && (
        <p role="alert" className="h5-error">
          {problem}
        </p>
      )}
    </Section>
  );
}

const BADGE: Record<ServiceRecordStatus, string> = { pending: 'pending', verified: 'approved', rejected: 'rejected' };

function RecordRow({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [mode, setMode] = useState<'none' | 'correction' | 'appeal'>('none');
  const [history, setHistory] = useState(false);
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span>{record.content}</span>
        <span>{t('hours.hoursValue', { value: hoursText(record.minutes) })}</span>
      </div>
      <p className="hours-row__meta">
        {formatDate(record.servedOn, language)} · {t(`hours.source.${record.source}`)} ·{' '}
        <span className={`status-badge status-badge--${BADGE[record.status]}`}>{t(`hours.recordStatus.${record.status}`)}</span>
        {record.zeroed && ` · ${t('hours.records.zeroed')}`}
      </p>
      {record.decisionReason && <p className="hours-row__meta">{t('hours.records.reason', { reason: record.decisionReason })}</p>}
      {record.status === 'verified' && record.pointsCredited > 0 && (
        <p className="hours-row__meta">{t('hours.records.credited', { points: record.pointsCredited })}</p>
      )}
      {record.openRequest && <p className="hours-row__meta">{t(`hours.records.open.${record.openRequest}`)}</p>}
      {!record.openRequest && mode === 'none' && record.status === 'verified' && (
        <div className="h5-actions">
          {record.zeroed ? (
            <button type="button" className="h5-text-button" onClick={() => setMode('appeal')}>
              {t('hours.records.appeal')}
            </button>
          ) : (
            <button type="button" className="h5-text-button" onClick={() => setMode('correction')}>
              {t('hours.records.requestCorrection')}
            </button>
          )}
        </div>
      )}
      {(record.openRequest || record.zeroed) && (
        <button type="button" className="h5-text-button" aria-expanded={history} onClick={() => setHistory((v) => !v)}>
          {t('hours.records.history')}
        </button>
      )}
      {history && <CorrectionHistory recordId={record.id} />}
      {mode === 'correction' && <CorrectionForm record={record} onDone={() => setMode('none')} />}
      {mode === 'appeal' && <AppealForm record={record} onDone={() => setMode('none')} />}
    </li>
  );
}

function CorrectionForm({ record, onDone }: { record: ServiceRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useRequestCorrection();
  const [hours, setHours] = useState(hoursText(record.minutes));
  const value = Number(hours);
  const badHours = !Number.isFinite(value) || value < 0 || value > 24;
  return (
    <ReasonRequestForm
      reasonLabel={t('hours.records.correctionReason')}
      submitText={t('hours.records.sendCorrection')}
      pending={request.isPending}
      error={request.error}
      invalid={badHours}
      fields={(touched) => (
        <TextField
          label={t('hours.records.requestedHours')}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={touched && badHours ? t('hours.records.hoursInvalid') : undefined}
        />
      )}
      onSend={(reason) => request.mutate({ id: record.id, requestedMinutes: Math.round(value * 60), reason }, { onSuccess: onDone })}
      onDone={onDone}
    />
  );
}

function AppealForm({ record, onDone }: { record: ServiceRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const appeal = useAppealRecord();
  return (
    <ReasonRequestForm
      reasonLabel={t('hours.records.appealReason')}
      submitText={t('hours.records.sendAppeal')}
      pending={appeal.isPending}
      error={appeal.error}
      onSend={(reason) => appeal.mutate({ id: record.id, reason }, { onSuccess: onDone })}
      onDone={onDone}
    />
  );
}

/**
 * A request about one record (更正, 申诉): the page's own fields, a reason of at least two characters, send or
 * cancel. Errors show once a send was tried; `onSend` gets the trimmed reason when everything is valid.
 */
function ReasonRequestForm({
  reasonLabel,
  submitText,
  pending,
  error,
  invalid = false,
  fields,
  onSend,
  onDone,
}: {
  reasonLabel: string;
  submitText: string;
  pending: boolean;
  error: unknown;
  /** The page's own fields are not valid (their errors show with `touched`). */
  invalid?: boolean;
  fields?: (touched: boolean) => ReactNode;
  onSend: (reason: string) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const badReason = reason.trim().length < 2;
  return (
    <form
      className="h5-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (invalid || badReason) return;
        onSend(reason.trim());
      }}
    >
      {fields?.(touched)}
      <TextAreaField
        label={reasonLabel}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        error={touched && badReason ? t('common.reasonRequired', { count: 2 }) : undefined}
      />
      {error ? (
        <p role="alert" className="h5-error">
          {hoursError(error, t)}
        </p>
      ) : null}
      <Button block color="primary" type="submit" loading={pending}>
        {submitText}
      </Button>
      <Button block onClick={onDone}>
        {t('common.cancel')}
      </Button>
    </form>
  );
}

/** Corrections keep the old value: each change with its old and new hours, reason and outcome. */
function CorrectionHistory({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useRecordCorrections(recordId);
  const items = list.data?.items ?? [];
  return (
    <div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.records.history')}>
          {items.map((c) => (
            <li key={c.id} className="hours-row__meta">
              {formatDate(c.createdAt, language)} · {t(`hours.correctionKind.${c.kind}`)} · {t(`hours.correctionStatus.${c.status}`)} ·{' '}
              {t('hours.records.fromTo', {
                from: hoursText(c.oldMinutes),
                to: hoursText(c.newMinutes ?? c.requestedMinutes ?? c.oldMinutes),
              })}
              {c.resolutionReason && ` · ${t('hours.records.reason', { reason: c.resolutionReason })}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
