import { useState, type ReactNode } from 'react';
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AwardsReportItem } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { downloadAwardsReport, downloadPartyReport, useAwardsReport, useUnitOptions } from '../../features/hours/api/hours';
import { hoursError, hoursText } from '../../features/hours/model';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { ProblemAlert } from '../components/query-state';

/** The current quarter as the API writes it (2026Q4). */
function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
}

const PERIOD = /^\d{4}(Q[1-4])?$/;

/** 报表: the DR-18 quarterly party report of a unit (xlsx) and the 评优评先 awards reference (table and xlsx). */
export default function ReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.reports.title'), t('app.consoleName'));
  const me = useMe();
  const street = hasRole(me.data, 'street_admin');
  const unitIds = scopesOf(me.data, 'unit_admin');
  return (
    <>
      <h1 className="console-page-title">{t('hours.console.reports.title')}</h1>
      {(street || unitIds.length > 0) && <PartyReport street={street} ownUnits={unitIds} />}
      {(street || hasRole(me.data, 'community_admin')) && <AwardsReference street={street} />}
    </>
  );
}

function PartyReport({ street, ownUnits }: { street: boolean; ownUnits: string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnitOptions();
  const options = (units.data?.items ?? []).filter((u) => street || ownUnits.includes(u.id));
  const [unitId, setUnitId] = useState<string | undefined>(ownUnits[0]);
  const [period, setPeriod] = useState(currentQuarter());
  const download = useDownload();
  const [saved, setSaved] = useState<string | null>(null);
  const validPeriod = /^\d{4}Q[1-4]$/.test(period);
  return (
    <section aria-labelledby="hours-party-report">
      <h2 id="hours-party-report">{t('hours.console.reports.party')}</h2>
      <p>{t('hours.console.reports.partyIntro')}</p>
      <Space wrap align="end">
        <Field id="hours-report-unit" label={t('hours.console.reports.unit')}>
          <Select
            id="hours-report-unit"
            style={{ minWidth: 240 }}
            loading={units.isPending}
            value={unitId}
            onChange={setUnitId}
            options={options.map((u) => ({ value: u.id, label: localName(u, language).text }))}
          />
        </Field>
        <PeriodInput
          id="hours-report-quarter"
          label={t('hours.console.reports.quarter')}
          value={period}
          onChange={setPeriod}
          valid={validPeriod}
        />
        <Button
          type="primary"
          loading={download.busy}
          disabled={!unitId || !validPeriod}
          onClick={() => {
            if (!unitId) return;
            setSaved(null);
            void download.run(async () => setSaved(await downloadPartyReport(unitId, period)));
          }}
        >
          {t('hours.console.reports.downloadParty')}
        </Button>
      </Space>
      {!validPeriod && <p className="console-error">{t('hours.console.reports.quarterFormat')}</p>}
      <DownloadProblem problem={download.problem} />
      {saved && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon role="status" title={t('hours.console.reports.saved', { name: saved })} />
      )}
    </section>
  );
}

function AwardsReference({ street }: { street: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [shown, setShown] = useState<{ period: string; communityId?: string } | null>(null);
  const report = useAwardsReport(shown);
  const download = useDownload();
  const valid = PERIOD.test(period);
  return (
    <section aria-labelledby="hours-awards-report" style={{ marginTop: 32 }}>
      <h2 id="hours-awards-report">{t('hours.console.reports.awards')}</h2>
      <p>{t('hours.console.reports.awardsIntro')}</p>
      <Space wrap align="end">
        <PeriodInput id="hours-awards-period" label={t('hours.console.reports.period')} value={period} onChange={setPeriod} valid={valid} />
        {street && (
          <Field id="hours-awards-community" label={t('fields.community')}>
            <CommunitySelect id="hours-awards-community" value={communityId ?? ''} onChange={(v) => setCommunityId(v || undefined)} />
          </Field>
        )}
        <Button disabled={!valid} onClick={() => setShown({ period, ...(communityId ? { communityId } : {}) })}>
          {t('hours.console.reports.show')}
        </Button>
        <Button
          type="primary"
          disabled={!valid}
          loading={download.busy}
          onClick={() => void download.run(() => downloadAwardsReport(period, communityId))}
        >
          {t('hours.console.reports.downloadAwards')}
        </Button>
      </Space>
      {!valid && <p className="console-error">{t('hours.console.reports.periodFormat')}</p>}
      <DownloadProblem problem={download.problem} />
      {report.isError && <ProblemAlert error={report.error} />}
      {shown && (
        <Table<AwardsReportItem>
          style={{ marginTop: 12 }}
          rowKey="volunteerId"
          loading={report.isPending}
          dataSource={report.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('hours.console.reports.rank'), dataIndex: 'rank' },
            { title: t('fields.name'), key: 'name', render: (_, r) => `${r.name} · ${r.volunteerNo}` },
            {
              title: t('hours.console.reports.periodHours'),
              dataIndex: 'periodMinutes',
              render: (v: number) => t('hours.hoursValue', { value: hoursText(v) }),
            },
            { title: t('hours.console.reports.records'), dataIndex: 'records' },
            {
              title: t('hours.console.reports.rating'),
              dataIndex: 'averageRating',
              render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
            },
            {
              title: t('hours.console.stars.level'),
              dataIndex: 'star',
              render: (v: number) => (v > 0 ? t('star.value', { count: v }) : t('star.none')),
            },
            {
              title: t('hours.console.reports.totalHours'),
              dataIndex: 'totalVerifiedMinutes',
              render: (v: number) => t('hours.hoursValue', { value: hoursText(v) }),
            },
          ]}
        />
      )}
    </section>
  );
}

/** A file download from a button: busy while it runs, and what went wrong in words. */
function useDownload() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (task: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      await task();
    } catch (error) {
      setProblem(hoursError(error, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

function DownloadProblem({ problem }: { problem: string | null }) {
  return problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={problem} /> : null;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label className="console-label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A period (2026, 2026Q4) typed in capitals; red while it is not valid (the page says why). */
function PeriodInput({
  id,
  label,
  value,
  onChange,
  valid,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  valid: boolean;
}) {
  return (
    <Field id={id} label={label}>
      <Input id={id} value={value} onChange={(e) => onChange(e.target.value.toUpperCase())} status={valid ? undefined : 'error'} />
    </Field>
  );
}
