import ExcelJS from 'exceljs';
import type { MyDataExport } from '@duodi/contracts';

type Row = Record<string, string | number | boolean | null>;

function addTable(wb: ExcelJS.Workbook, name: string, rows: Row[], keys?: string[]) {
  const ws = wb.addWorksheet(name);
  const columns = keys ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  ws.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  ws.getRow(1).font = { bold: true };
  // Values go in as text so that long numbers (ID, phone) are never turned into floats.
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((k) => [k, r[k] === null || r[k] === undefined ? '' : typeof r[k] === 'string' ? r[k] : String(r[k])])));
  return ws;
}

function addFields(wb: ExcelJS.Workbook, name: string, obj: Row | null) {
  return addTable(
    wb,
    name,
    Object.entries(obj ?? {}).map(([field, value]) => ({ field, value })),
    ['field', 'value'],
  );
}

/**
 * The PIPL export as a workbook: one sheet per section of `GET /me/export` (the person's own data,
 * unmasked). Pure: no database, no logging.
 */
export async function buildExportWorkbook(data: MyDataExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duodi volunteer-service platform';
  wb.created = new Date(data.exportedAt);
  addFields(wb, 'person', data.person);
  addFields(wb, 'account', data.account);
  addTable(wb, 'roles', data.roles, ['role', 'scopeType', 'scopeId', 'grantedAt', 'revokedAt']);
  const v = data.volunteer;
  addFields(
    wb,
    'volunteer',
    v
      ? {
          id: v.id,
          volunteerNo: v.volunteerNo,
          skills: v.skills.join(', '),
          languages: v.languages.join(', '),
          partyMember: v.partyMember,
          unitId: v.unitId,
          star: v.star,
          verifiedMinutes: v.verifiedMinutes,
          status: v.status,
          registeredAt: v.registeredAt,
          guardianName: v.guardian?.name ?? null,
          guardianPhone: v.guardian?.phone ?? null,
          guardianConsentAt: v.guardian?.consentAt ?? null,
        }
      : null,
  );
  addTable(wb, 'availability', v?.availability ?? [], ['weekday', 'from', 'to']);
  addTable(wb, 'teams', data.teams, ['id', 'name', 'role', 'joinedAt']);
  addTable(wb, 'consents', data.consents, ['kind', 'version', 'givenAt', 'withdrawnAt']);
  addTable(wb, 'insurance', data.insurance, ['id', 'insurer', 'policyNo', 'validFrom', 'validTo', 'current']);
  addFields(wb, 'sessions', data.sessions);
  addTable(wb, 'access_log', data.accessLog, ['at', 'field', 'purpose', 'byAccountId']);
  addTable(wb, 'deletion_requests', data.deletionRequests, ['id', 'status', 'requestedAt', 'completedAt']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
