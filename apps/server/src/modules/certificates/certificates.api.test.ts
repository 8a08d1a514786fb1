import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateIssued, CertificateVerify } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { contentHash, type CertificateContent } from './certificate-content.js';
import { scriptRuns } from './certificate.pdf.js';
import { woffToSfnt } from './woff.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { personId: string; volunteerId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, VOLUNTEER, VOLUNTEER_2]) {
    tokens[phone] = await t.login(phone);
    meOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json();
  }
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: phone ? bearer(tokens[phone]!) : {},
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const certCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM certificates`))[0]!.n;
const stored = async (number: string) =>
  (
    await queryRows<{ content: CertificateContent; content_hash: string; issuer_kind: string; verified_minutes: number }>(
      t.db,
      sql`SELECT content, content_hash, issuer_kind, verified_minutes FROM certificates WHERE number = ${number}`,
    )
  )[0]!;

/** A volunteer with verified records in 桑伊社区 (and their minutes there). */
async function sangyiVolunteer() {
  const [row] = await queryRows<{ volunteer_id: string; minutes: number }>(
    t.db,
    sql`SELECT volunteer_id, sum(credited_minutes)::int AS minutes FROM service_records WHERE status = 'verified' AND community_id = 'com_sy'
        GROUP BY volunteer_id ORDER BY 2 DESC LIMIT 1`,
  );
  return row!;
}

describe('issuing (DR-09, 谁记录谁证明)', () => {
  let issued: CertificateIssued;

  it('the street admin issues a bilingual certificate: number, PDF with the number and a verifiable SHA-256 content hash', async () => {
    const res = await call('POST', '/certificates', STREET_ADMIN, { volunteerId: meOf[VOLUNTEER]!.volunteerId });
    expect(res.statusCode, res.body).toBe(201);
    issued = res.json();
    expect(issued.number).toMatch(/^DD-ST-\d{4}-\d{6}-[A-Z0-9]{4}$/);
    expect(issued.pdfUrl).toBe(`/api/v1/certificates/${issued.number}/pdf`);
    const row = await stored(issued.number);
    expect(row.issuer_kind).toBe('street');
    expect(contentHash(row.content)).toBe(row.content_hash);
    expect(row.content.holder.idNumberMasked).toMatch(/\*{6,}/);
    expect(row.content.verifyUrl).toMatch(new RegExp(`/verify/${issued.number}$`));

    const pdf = await t.app.inject({ method: 'GET', url: issued.pdfUrl, headers: bearer(tokens[VOLUNTEER]!) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // The Info dictionary's Subject is the number and its Keywords the hash (plain PDF strings).
    expect(text).toContain(`(${issued.number})`);
    expect(text).toContain(`(sha256:${row.content_hash})`);
    // Both fonts are embedded (subsets): Chinese from the npm CJK font, Tibetan from Noto Serif Tibetan.
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans/);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifTibetan/);
    expect(
      await queryRows(t.db, sql`SELECT id FROM audit_log WHERE action = 'certificate.issue' AND new_value->>'number' = ${issued.number}`),
    ).toHaveLength(1);
  });

  it('the issuing staff may download it too, others get 404', async () => {
    expect((await call('GET', issued.pdfUrl.replace('/api/v1', ''), STREET_ADMIN)).statusCode).toBe(200);
    expect((await call('GET', issued.pdfUrl.replace('/api/v1', ''), VOLUNTEER_2)).statusCode).toBe(404);
    expect((await call('GET', issued.pdfUrl.replace('/api/v1', ''), SANGYI_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', issued.pdfUrl.replace('/api/v1', ''))).statusCode).toBe(401);
  });

  it('a community admin certifies only the hours their community recorded', async () => {
    const v = await sangyiVolunteer();
    const res = await call('POST', '/certificates', SANGYI_ADMIN, {
      volunteerId: v.volunteer_id,
      language: 'bo',
      periodFrom: '2020-01-01',
      periodTo: '2030-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await stored((res.json() as CertificateIssued).number);
    expect(row).toMatchObject({ issuer_kind: 'community', verified_minutes: v.minutes });
    expect(row.content.issuer.name).toContain('桑伊社区');
    const pdf = await call('GET', `/certificates/${row.content.number}/pdf`, SANGYI_ADMIN);
    expect(pdf.statusCode).toBe(200);
  });

  it('refuses other roles (403), volunteers outside the community (404), no hours (422) and bad input (400), issuing nothing', async () => {
    const before = await certCount();
    const v = await sangyiVolunteer();
    const [noJx] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM service_records WHERE volunteer_id = ${v.volunteer_id} AND community_id = 'com_jx'`,
    );
    expect((await call('POST', '/certificates', VOLUNTEER, { volunteerId: meOf[VOLUNTEER]!.volunteerId })).statusCode).toBe(403);
    if (noJx!.n === 0) expect((await call('POST', '/certificates', JIXIANG_ADMIN, { volunteerId: v.volunteer_id })).statusCode).toBe(404);
    expect((await call('POST', '/certificates', STREET_ADMIN, { volunteerId: 'vol_missing' })).statusCode).toBe(404);
    const none = await call('POST', '/certificates', STREET_ADMIN, {
      volunteerId: meOf[VOLUNTEER]!.volunteerId,
      periodFrom: '2001-01-01',
      periodTo: '2001-12-31',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'not_eligible' });
    for (const body of [
      { volunteerId: v.volunteer_id, language: 'fr' },
      { volunteerId: v.volunteer_id, periodFrom: '2026-12-01', periodTo: '2026-01-01' },
      {},
    ]) {
      const bad = await call('POST', '/certificates', STREET_ADMIN, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect(await certCount()).toBe(before);
  });
});

describe('verification and revocation', () => {
  it('verifies without login with masked data only', async () => {
    const { number } = (
      await call('POST', '/certificates', STREET_ADMIN, { volunteerId: meOf[VOLUNTEER]!.volunteerId, language: 'zh' })
    ).json() as CertificateIssued;
    const res = await call('GET', `/certificates/${number}/verify`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as CertificateVerify;
    expect(Object.keys(body).sort()).toEqual([
      'holderName',
      'issuedAt',
      'issuer',
      'issuerBo',
      'number',
      'revokedAt',
      'star',
      'valid',
      'verifiedMinutes',
    ]);
    expect(body).toMatchObject({ valid: true, number, revokedAt: null, issuer: '夺底街道志愿服务协会' });
    expect(body.issuerBo, 'the Tibetan name of the issuer, DR-25').toMatch(/[\u0F00-\u0FFF]/);
    expect(body.holderName).toContain('*');
    expect((await call('GET', '/certificates/DD-XX-2026-999999-ZZZZ/verify')).statusCode).toBe(404);
    expect((await call('GET', '/certificates/nope%27/verify')).statusCode).toBe(400);
  });

  it('the issuer revokes with a reason; verification and the PDF show it; others are refused and nothing changes', async () => {
    const { number } = (
      await call('POST', '/certificates', STREET_ADMIN, { volunteerId: meOf[VOLUNTEER]!.volunteerId })
    ).json() as CertificateIssued;
    expect((await call('POST', `/certificates/${number}/revoke`, VOLUNTEER, { reason: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/certificates/${number}/revoke`, SANGYI_ADMIN, { reason: 'x' })).statusCode).toBe(404);
    expect((await call('POST', `/certificates/${number}/revoke`, STREET_ADMIN, { reason: '' })).statusCode).toBe(400);
    expect(((await call('GET', `/certificates/${number}/verify`)).json() as CertificateVerify).valid).toBe(true);
    const res = await call('POST', `/certificates/${number}/revoke`, STREET_ADMIN, { reason: '服务时长核减' });
    expect(res.statusCode, res.body).toBe(200);
    const verify = (await call('GET', `/certificates/${number}/verify`)).json() as CertificateVerify;
    expect(verify.valid).toBe(false);
    expect(verify.revokedAt).toMatch(/\+08:00$/);
    expect((await call('POST', `/certificates/${number}/revoke`, STREET_ADMIN, { reason: '再次' })).statusCode).toBe(409);
    expect((await call('GET', `/certificates/${number}/pdf`, VOLUNTEER)).statusCode).toBe(200);
  });

  it('has demo certificates, one of them revoked, listed for their holder', async () => {
    const rows = await queryRows<{ number: string; revoked: boolean }>(
      t.db,
      sql`SELECT number, revoked_at IS NOT NULL AS revoked FROM certificates WHERE issued_by IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.revoked)).toBe(true);
    const mine = (await call('GET', '/me/certificates', VOLUNTEER)).json() as { items: { number: string; pdfUrl: string }[] };
    expect(mine.items.length).toBeGreaterThanOrEqual(1);
  });
});

describe('PDF text helpers', () => {
  it('splits Tibetan from Chinese and Latin so each gets its font', () => {
    expect(scriptRuns('桑伊 བཟང་ཡིད། ABC')).toEqual([
      { font: 'cjk', text: '桑伊 ' },
      { font: 'bo', text: 'བཟང་ཡིད། ' },
      { font: 'cjk', text: 'ABC' },
    ]);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('OTTO0000'))).toThrow(/not a WOFF/);
  });
});
