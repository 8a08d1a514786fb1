import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRequest, CertificateStaffItem } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { personId: string; volunteerId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const OTHERS = ['13900000008', '13900000010', '13900000011'];

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, VOLUNTEER, VOLUNTEER_2, ...OTHERS]) {
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
const snapshot = async () =>
  queryRows<{ id: string; status: string; version: number }>(t.db, sql`SELECT id, status, version FROM certificate_requests ORDER BY id`);
const certCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM certificates`))[0]!.n;
/** The staff account of the organisation a request is addressed to, and one of another organisation. */
const staffFor = (r: CertificateRequest) =>
  r.issuerKind === 'street'
    ? { right: STREET_ADMIN, wrong: [SANGYI_ADMIN, JIXIANG_ADMIN] }
    : { right: r.issuerId === 'com_sy' ? SANGYI_ADMIN : JIXIANG_ADMIN, wrong: [r.issuerId === 'com_sy' ? JIXIANG_ADMIN : SANGYI_ADMIN] };

describe('GET /certificates (issuer staff list)', () => {
  it('the street admin lists the street’s certificates with masked names, filters and pages', async () => {
    const res = await call('GET', '/certificates?limit=2', STREET_ADMIN);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: CertificateStaffItem[]; nextCursor: string | null };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
    for (const c of page.items) expect(c.holderName).toContain('*');
    const next = (await call('GET', `/certificates?limit=2&cursor=${page.nextCursor}`, STREET_ADMIN)).json() as {
      items: CertificateStaffItem[];
    };
    expect(next.items.map((c) => c.number)).not.toContain(page.items[0]!.number);

    const revoked = (await call('GET', '/certificates?revoked=true', STREET_ADMIN)).json() as { items: CertificateStaffItem[] };
    expect(revoked.items.length).toBeGreaterThan(0);
    expect(revoked.items.every((c) => c.revokedAt !== null)).toBe(true);
    const one = page.items[0]!;
    const ofOne = (await call('GET', `/certificates?volunteerId=${one.volunteerId}`, STREET_ADMIN)).json() as {
      items: CertificateStaffItem[];
    };
    expect(ofOne.items.every((c) => c.volunteerId === one.volunteerId)).toBe(true);
    expect(ofOne.items.map((c) => c.number)).toContain(one.number);
  });

  it('a community admin sees only what their community issued', async () => {
    const v = (
      await queryRows<{ volunteer_id: string }>(
        t.db,
        sql`SELECT volunteer_id FROM service_records WHERE status = 'verified' AND community_id = 'com_sy' GROUP BY volunteer_id ORDER BY sum(credited_minutes) DESC LIMIT 1`,
      )
    )[0]!;
    expect((await call('POST', '/certificates', SANGYI_ADMIN, { volunteerId: v.volunteer_id })).statusCode).toBe(201);
    const res = (await call('GET', '/certificates?limit=200', SANGYI_ADMIN)).json() as { items: CertificateStaffItem[] };
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((c) => c.issuerKind === 'community' && c.issuerId === 'com_sy')).toBe(true);
    const jx = (await call('GET', '/certificates?limit=200', JIXIANG_ADMIN)).json() as { items: CertificateStaffItem[] };
    expect(jx.items.some((c) => c.issuerId === 'com_sy')).toBe(false);
  });

  it('refuses other roles (403), another community’s filter (403) and a bad cursor (400)', async () => {
    expect((await call('GET', '/certificates', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', '/certificates')).statusCode).toBe(401);
    expect((await call('GET', '/certificates?communityId=com_jx', SANGYI_ADMIN)).statusCode).toBe(403);
    const bad = await call('GET', '/certificates?cursor=nope', STREET_ADMIN);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect((await call('GET', '/certificates?revoked=maybe', STREET_ADMIN)).statusCode).toBe(400);
  });
});

describe('certificate requests', () => {
  let request: CertificateRequest;

  it('refuses bad input (400), non-volunteers (403) and periods without hours (422), creating nothing', async () => {
    const before = await snapshot();
    for (const body of [{ language: 'fr' }, { language: 'zh', periodFrom: '2026-12-01', periodTo: '2026-01-01' }, {}]) {
      const bad = await call('POST', '/certificate-requests', VOLUNTEER, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    }
    const notVolunteer = OTHERS.find((p) => meOf[p]!.volunteerId === null);
    expect(notVolunteer).toBeDefined();
    expect((await call('POST', '/certificate-requests', notVolunteer, { language: 'zh' })).statusCode).toBe(403);
    const none = await call('POST', '/certificate-requests', VOLUNTEER, {
      language: 'zh',
      periodFrom: '2001-01-01',
      periodTo: '2001-12-31',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'not_eligible' });
    expect(await snapshot()).toEqual(before);
  });

  it('a volunteer asks; one open request at a time; they see it pending with their own name', async () => {
    const res = await call('POST', '/certificate-requests', VOLUNTEER, { language: 'bilingual' });
    expect(res.statusCode, res.body).toBe(201);
    request = res.json();
    expect(request).toMatchObject({ status: 'pending', volunteerId: meOf[VOLUNTEER]!.volunteerId, certificateNumber: null });
    expect(request.holderName).not.toContain('*');
    const before = await snapshot();
    expect((await call('POST', '/certificate-requests', VOLUNTEER, { language: 'zh' })).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    const mine = (await call('GET', '/me/certificate-requests', VOLUNTEER)).json() as { items: CertificateRequest[] };
    expect(mine.items[0]).toMatchObject({ id: request.id, status: 'pending' });
    const other = (await call('GET', '/me/certificate-requests', VOLUNTEER_2)).json() as { items: CertificateRequest[] };
    expect(other.items.map((r) => r.id)).not.toContain(request.id);
  });

  it('staff of the issuing organisation see it (masked); others are refused and nothing changes', async () => {
    const { right, wrong } = staffFor(request);
    const list = (await call('GET', '/certificate-requests?status=pending', right)).json() as { items: CertificateRequest[] };
    const seen = list.items.find((r) => r.id === request.id);
    expect(seen?.holderName).toContain('*');
    const before = await snapshot();
    const certs = await certCount();
    for (const w of wrong) {
      const other = (await call('GET', '/certificate-requests', w)).json() as { items: CertificateRequest[] };
      expect(other.items.map((r) => r.id)).not.toContain(request.id);
      expect((await call('POST', `/certificate-requests/${request.id}/issue`, w)).statusCode).toBe(404);
      expect((await call('POST', `/certificate-requests/${request.id}/decline`, w, { reason: 'x' })).statusCode).toBe(404);
    }
    expect((await call('GET', '/certificate-requests', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('POST', `/certificate-requests/${request.id}/issue`, VOLUNTEER)).statusCode).toBe(403);
    expect((await call('POST', `/certificate-requests/${request.id}/decline`, VOLUNTEER, { reason: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/certificate-requests/${request.id}/decline`, right, { reason: '' })).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(await certCount()).toBe(certs);
  });

  it('the staff issue it: a certificate as that organisation, the request closed, the volunteer notified; again 409', async () => {
    const { right } = staffFor(request);
    const res = await call('POST', `/certificate-requests/${request.id}/issue`, right);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { request: CertificateRequest; certificate: { number: string; pdfUrl: string } };
    expect(body.request).toMatchObject({ status: 'issued', certificateNumber: body.certificate.number });
    const [cert] = await queryRows<{ issuer_kind: string; issuer_id: string; language: string }>(
      t.db,
      sql`SELECT issuer_kind, issuer_id, language FROM certificates WHERE number = ${body.certificate.number}`,
    );
    expect(cert).toEqual({ issuer_kind: request.issuerKind, issuer_id: request.issuerId, language: 'bilingual' });
    const notes = await queryRows<{ link: string; params: { number: string } }>(
      t.db,
      sql`SELECT n.link, n.params FROM notifications n JOIN accounts a ON a.id = n.recipient_account_id
          WHERE n.kind = 'certificate_request.issued' AND n.ref_id = ${request.id} AND a.person_id = ${meOf[VOLUNTEER]!.personId}`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ link: '/me/certificates', params: { number: body.certificate.number } });
    expect(
      await queryRows(
        t.db,
        sql`SELECT id FROM audit_log WHERE action = 'certificate_request.issue' AND new_value->>'requestId' = ${request.id}`,
      ),
    ).toHaveLength(1);
    const mine = (await call('GET', '/me/certificate-requests', VOLUNTEER)).json() as { items: CertificateRequest[] };
    expect(mine.items.find((r) => r.id === request.id)).toMatchObject({ status: 'issued', certificateNumber: body.certificate.number });
    const certs = await certCount();
    const again = await call('POST', `/certificate-requests/${request.id}/issue`, right);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    expect(await certCount()).toBe(certs);
  });

  it('the staff decline another with a reason; the volunteer is notified and sees it', async () => {
    const res = await call('POST', '/certificate-requests', VOLUNTEER_2, { language: 'bo' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as CertificateRequest;
    const { right } = staffFor(r);
    const certs = await certCount();
    const declined = await call('POST', `/certificate-requests/${r.id}/decline`, right, { reason: '时段内记录待核实' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '时段内记录待核实', certificateNumber: null });
    expect(await certCount()).toBe(certs);
    const [n] = await queryRows<{ link: string }>(
      t.db,
      sql`SELECT link FROM notifications WHERE kind = 'certificate_request.declined' AND ref_id = ${r.id}`,
    );
    expect(n?.link).toBe('/me/certificates');
    const mine = (await call('GET', '/me/certificate-requests', VOLUNTEER_2)).json() as { items: CertificateRequest[] };
    expect(mine.items[0]).toMatchObject({ id: r.id, status: 'declined', declineReason: '时段内记录待核实' });
    expect((await call('POST', `/certificate-requests/${r.id}/decline`, right, { reason: 'again' })).statusCode).toBe(409);
    // Declined, so a new request may be made.
    expect((await call('POST', '/certificate-requests', VOLUNTEER_2, { language: 'zh' })).statusCode).toBe(201);
  });
});
