import ExcelJS from 'exceljs';
import type { AwardsReport, AwardsReportQuery, UiLang } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { STREET_UTC_OFFSET_MINUTES, isoWithOffset } from '../../platform/http/time.js';
import { CATALOGS } from '../../platform/i18n/index.js';
import * as repo from './reports.repository.js';

export { periodService } from './reports.repository.js';

const OFFSET_MS = STREET_UTC_OFFSET_MINUTES * 60_000;

/** `2026` (a year) or `2026Q4` (a quarter) → [from, to) in the street's time zone. */
export function periodRange(code: string): { from: Date; to: Date } {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(code);
  if (!m) throw new AppError('validation_failed', {}, { fields: [{ field: 'period', key: 'invalid_format' }] });
  const year = Number(m[1]);
  if (!m[2]) return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
  const q = Number(m[2]);
  return { from: new Date(Date.UTC(year, (q - 1) * 3, 1) - OFFSET_MS), to: new Date(Date.UTC(year, q * 3, 1) - OFFSET_MS) };
}

const currentQuarter = (now: Date) => {
  const local = new Date(now.getTime() + OFFSET_MS);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
};

type ReportLabels = (typeof CATALOGS)['zh-CN']['reports'];
const labels = (lang: UiLang): ReportLabels => CATALOGS[lang].reports;
const hours = (minutes: number) => Math.floor(minutes / 6) / 10;

/* ---------- DR-18: the unit's quarterly party report ---------- */

/**
 * The unit's quarterly 双报到双积分 feedback report (xlsx): every in-service party member with their
 * report, community-side hours and points of the quarter (from verified records and their ledger
 * postings), and a second sheet listing those who have not reported or have no service.
 * Unit admin of that unit, street admin; others 403; unknown unit 404.
 */
export async function partyReportXlsx(
  deps: Deps,
  actorOrNone: Actor | undefined,
  unitId: string,
  period: string | undefined,
): Promise<{ file: Buffer; filename: string }> {
  const actor = requireActor(actorOrNone);
  const units = scopeIdsOf(actor, 'unit_admin');
  if (!hasRole(actor, 'street_admin') && !units.length) throw new AppError('forbidden');
  const code = period ?? currentQuarter(deps.now());
  const { from, to } = periodRange(code);
  const L = labels(actor.language);
  const data = await withTransaction(deps.db, async (tx) => {
    const unit = await repo.findUnit(tx, actor.streetId, unitId);
    if (!unit) throw new AppError('not_found');
    if (!hasRole(actor, 'street_admin') && !units.includes(unit.id)) throw new AppError('forbidden');
    const members = await repo.unitMembers(tx, actor.streetId, unit.id, from, to);
    const service = await repo.periodService(
      tx,
      members.map((m) => m.volunteer_id),
      from,
      to,
    );
    return { unit, members, service };
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duodi volunteer-service platform';
  wb.title = `${data.unit.name} ${code}`;
  const header = [L.volunteerNo, L.name, L.reportStatus, L.reportedAt, L.community, L.periodHours, L.periodPoints, L.totalHours, L.status];
  const row = (m: repo.UnitMemberRow) => {
    const s = data.service.get(m.volunteer_id) ?? { minutes: 0, points: 0 };
    return [
      m.volunteer_no,
      m.name,
      L.reportStatuses[m.report_status ?? 'none'],
      m.report_status === 'confirmed' && m.reported_at ? isoWithOffset(new Date(m.reported_at)).slice(0, 10) : '',
      m.community_name ?? '',
      hours(s.minutes),
      s.points,
      hours(Number(m.verified_minutes)),
      L.statuses[m.status],
    ];
  };
  const all = wb.addWorksheet(L.sheetMembers, { views: [{ state: 'frozen', ySplit: 2 }] });
  all.addRow([`${data.unit.name} · ${code}`]).font = { bold: true, size: 13 };
  all.addRow(header).font = { bold: true };
  for (const m of data.members) all.addRow(row(m));
  const missing = wb.addWorksheet(L.sheetAttention, { views: [{ state: 'frozen', ySplit: 1 }] });
  missing.addRow(header).font = { bold: true };
  for (const m of data.members.filter((x) => x.status !== 'active')) missing.addRow(row(m));
  for (const ws of [all, missing]) [14, 12, 12, 12, 14, 14, 12, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), filename: `party-report-${data.unit.id}-${code}.xlsx` };
}

/* ---------- 评优评先: the awards reference ---------- */

/**
 * Volunteers ranked by verified hours served in the period (a year or a quarter), with records,
 * average rating of their demands and star level: a reference for selections (信用激励).
 * Street admin (optionally one community), community admin (their community only; another is 403).
 */
export async function awardsReport(deps: Deps, actorOrNone: Actor | undefined, query: AwardsReportQuery): Promise<AwardsReport> {
  const actor = requireActor(actorOrNone);
  let communityIds: string[] | undefined;
  if (hasRole(actor, 'street_admin')) communityIds = query.communityId ? [query.communityId] : undefined;
  else {
    const own = scopeIdsOf(actor, 'community_admin');
    if (!own.length) throw new AppError('forbidden');
    if (query.communityId && !own.includes(query.communityId)) throw new AppError('forbidden');
    communityIds = query.communityId ? [query.communityId] : own;
  }
  const { from, to } = periodRange(query.period);
  const rows = await withTransaction(deps.db, (tx: Tx) =>
    repo.awardsRanking(tx, { streetId: actor.streetId, from, to, limit: query.limit, ...(communityIds ? { communityIds } : {}) }),
  );
  return {
    period: query.period,
    from: isoWithOffset(from),
    to: isoWithOffset(to),
    items: rows.map((r, i) => ({
      rank: i + 1,
      volunteerId: r.volunteer_id,
      volunteerNo: r.volunteer_no,
      name: r.name,
      communityId: r.community_id,
      periodMinutes: Number(r.minutes),
      records: Number(r.records),
      averageRating: r.avg_rating === null ? null : Math.round(Number(r.avg_rating) * 100) / 100,
      star: Number(r.star),
      totalVerifiedMinutes: Number(r.verified_minutes),
    })),
  };
}

export async function awardsReportXlsx(report: AwardsReport, lang: UiLang): Promise<Buffer> {
  const L = labels(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duodi volunteer-service platform';
  const ws = wb.addWorksheet(L.sheetAwards, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([L.rank, L.volunteerNo, L.name, L.periodHours, L.records, L.averageRating, L.star, L.totalHours]).font = { bold: true };
  for (const r of report.items)
    ws.addRow([
      r.rank,
      r.volunteerNo,
      r.name,
      hours(r.periodMinutes),
      r.records,
      r.averageRating ?? '',
      r.star,
      hours(r.totalVerifiedMinutes),
    ]);
  [8, 14, 12, 14, 10, 10, 8, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
