// Issue 6's Done-when in a real browser: the team leader of 布谷响铃 (13900000005) opens check-in for a running
// activity on a phone; a volunteer (13900000006) in a SECOND browser context photographs the QR from the
// organizer's screen (a screenshot of the QR element fed to the scan page's "choose a photo" input), checks in,
// later checks out with a fresh QR, and a pending service record appears for the activity. Axe checks each screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bo from '../apps/web/src/locales/bo.json';
import en from '../apps/web/src/locales/en.json';
import zh from '../apps/web/src/locales/zh-CN.json';
import { checkA11y, launchBrowser, shot, startServer, type RunningServer } from './harness';

type Lang = 'zh-CN' | 'bo' | 'en';

const CATALOGS = { 'zh-CN': zh, bo, en } as const;
const LEADER = { phone: '13900000005', password: 'demo1345' };
const VOLUNTEER = { phone: '13900000006', password: 'demo1345' };
const REVIEWER = { phone: '13900000002', password: 'demo1345' };
const PHONE = { width: 390, height: 844 };
/** The demo data's running 布谷响铃 activity with …06 and …07 confirmed (apps/server/seed/activities.ts). */
const DEMO_LIVE = 'act_demo_bugu_live';

function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[lang]);
  if (typeof value !== 'string') throw new Error(`no string ${key} in the ${lang} catalog`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest fixed part of a catalog string (between its {{variables}}). */
function fixedPart(lang: Lang, key: string): RegExp {
  const parts = t(lang, key)
    .split(/\{\{\w+\}\}/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length);
  return new RegExp(escape(parts[0]!));
}

function loose(text: string): RegExp {
  const chars = [...text.replace(/\s+/g, '')].map((c) => escape(c));
  return new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`);
}

async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const option = page.getByRole('button', { name: loose(t(lang, `lang.options.${lang}`)) }).first();
  await option.waitFor();
  if ((await option.getAttribute('aria-pressed')) !== 'true') await option.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('activity check-in by QR between two phones', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPhone(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, baseURL: server.url, isMobile: true, hasTouch: true });
    contexts.push(context);
    return context.newPage();
  }

  async function login(account: { phone: string; password: string }): Promise<string> {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (!response.ok) throw new Error(`login ${account.phone}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  async function api<T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function signIn(page: Page, lang: Lang, account: { phone: string; password: string }, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await chooseLanguage(page, lang);
    await page.getByRole('heading', { level: 1, name: loose(t(lang, 'auth.title')) }).waitFor();
    await page.getByLabel(t(lang, 'auth.phone'), { exact: true }).fill(account.phone);
    await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(account.password);
    await page.getByRole('button', { name: loose(t(lang, 'auth.submit')) }).click();
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 15_000 }).toBe(next.split('?')[0]);
    await chooseLanguage(page, lang);
  }

  /**
   * The running activity to check in to: the demo data's live 布谷响铃 activity, or (when the demo data has
   * none) one the leader creates, the community admin approves and the volunteer signs up for, through the API.
   */
  async function runningActivity(leader: string, volunteer: string): Promise<{ id: string; title: string }> {
    const demo = await api<{ id: string; title: string; status: string }>(leader, `/api/v1/activities/${DEMO_LIVE}`);
    if (demo.status === 200 && ['recruiting', 'in_progress'].includes(demo.body.status)) return demo.body;

    const teams = await api<{ items: { id: string; name: string }[] }>(leader, '/api/v1/teams?limit=200');
    const bugu = teams.body.items.find((team) => team.name.includes('布谷响铃'));
    expect(bugu, 'demo data has "布谷响铃"志愿服务队').toBeTruthy();
    const now = Date.now();
    const created = await api<{ id: string; title: string }>(leader, '/api/v1/activities', {
      method: 'POST',
      body: {
        title: '布谷响铃 · 楼道清洁（e2e）',
        titleBo: 'ཐེམ་སྐས་གཙང་སྦྲ།',
        category: 'environment',
        teamId: bugu!.id,
        riskNotice: '注意防滑，戴手套。',
        needsInsurance: false,
        place: { name: '桑伊社区党群服务中心', lat: 29.6869, lng: 91.1443, radiusM: 200 },
        startsAt: new Date(now - 10 * 60_000).toISOString(),
        endsAt: new Date(now + 2 * 3_600_000).toISOString(),
        headcount: 5,
        signInMethods: ['qr', 'code', 'gps'],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await api(leader, `/api/v1/activities/${id}/submit`, { method: 'POST', body: {} })).status).toBe(200);
    const reviewer = await login(REVIEWER);
    const approved = await api(reviewer, `/api/v1/activities/${id}/approve`, { method: 'POST', body: {} });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const signup = await api(volunteer, `/api/v1/activities/${id}/signups`, { method: 'POST' });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    server = await startServer('server-activity-check-in');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('checks a volunteer in and out with the QR photographed from the organizer’s screen', { timeout: 300_000 }, async () => {
    const leaderToken = await login(LEADER);
    const volunteerToken = await login(VOLUNTEER);
    const activity = await runningActivity(leaderToken, volunteerToken);
    const me = await api<{ volunteerId: string }>(volunteerToken, '/api/v1/me');

    // ── The organizer's phone, in Chinese: open check-in ─────────────────────────────────────
    const organizer = await newPhone();
    await signIn(organizer, 'zh-CN', LEADER, `/activities/${activity.id}/organizer`);
    await organizer.getByRole('heading', { level: 1, name: loose(t('zh-CN', 'activities.organizer.title')) }).waitFor();
    const start = organizer.getByRole('button', { name: loose(t('zh-CN', 'activities.actions.start')) });
    if (await start.isVisible().catch(() => false)) await start.click();
    const qr = organizer.getByRole('img', { name: t('zh-CN', 'activities.organizer.qrAlt', { title: activity.title }) });
    await qr.waitFor({ timeout: 20_000 });
    await organizer
      .getByText(/^\d{6}$/)
      .first()
      .waitFor();
    await settle(organizer);
    await checkA11y(organizer, 'h5-organizer-check-in-zh-CN');
    await shot(organizer, 'organizer-check-in.png');
    const firstPhoto = await qr.screenshot({ type: 'png' });

    // ── The volunteer's phone, in Tibetan: scan (choose a photo of the screen) ────────────────
    const volunteer = await newPhone();
    await signIn(volunteer, 'bo', VOLUNTEER, '/check-in');
    await volunteer.getByRole('heading', { level: 1, name: loose(t('bo', 'activities.scan.title')) }).waitFor();
    await settle(volunteer);
    await checkA11y(volunteer, 'h5-check-in-bo');
    const checkInToggle = volunteer.getByRole('button', { name: loose(t('bo', 'activities.scan.checkIn')) });
    expect(await checkInToggle.getAttribute('aria-pressed')).toBe('true');
    await volunteer
      .getByLabel(t('bo', 'activities.scan.choosePhoto'))
      .setInputFiles({ name: 'organizer-screen.png', mimeType: 'image/png', buffer: firstPhoto });
    await volunteer
      .getByRole('status')
      .filter({ hasText: fixedPart('bo', 'activities.scan.checkedIn') })
      .waitFor({ timeout: 20_000 });
    await shot(volunteer, 'volunteer-checked-in-bo.png');

    // The organizer's roster shows the check-in within its 5-second refresh.
    await organizer
      .getByRole('list', { name: t('zh-CN', 'activities.roster.title') })
      .getByText(fixedPart('zh-CN', 'activities.roster.state.checkedIn'))
      .first()
      .waitFor({ timeout: 15_000 });
    await checkA11y(organizer, 'h5-organizer-roster-zh-CN');

    // A minute of service, then check out with the QR as it is on the screen now (tokens rotate every 30 s).
    await organizer.waitForTimeout(65_000);
    const secondPhoto = await qr.screenshot({ type: 'png' });
    await volunteer.getByRole('button', { name: loose(t('bo', 'activities.scan.checkOut')) }).click();
    await volunteer
      .getByLabel(t('bo', 'activities.scan.choosePhoto'))
      .setInputFiles({ name: 'organizer-screen-2.png', mimeType: 'image/png', buffer: secondPhoto });
    const checkedOut = volunteer.getByRole('status').filter({ hasText: fixedPart('bo', 'activities.scan.checkedOut') });
    await checkedOut.waitFor({ timeout: 20_000 });
    await settle(volunteer);
    await checkA11y(volunteer, 'h5-checked-out-bo');
    await shot(volunteer, 'volunteer-checked-out-bo.png');

    // The pending service record of this activity exists.
    const records = await api<{ items: { id: string; status: string; minutes: number; activityId: string | null }[] }>(
      volunteerToken,
      `/api/v1/volunteers/${me.body.volunteerId}/service-records?limit=200`,
    );
    expect(records.status).toBe(200);
    const record = records.body.items.find((r) => r.activityId === activity.id);
    expect(record, 'a service record for the activity').toBeTruthy();
    expect(record!.status).toBe('pending');
    expect(record!.minutes).toBeGreaterThanOrEqual(1);

    // The roster says checked out.
    await organizer
      .getByRole('list', { name: t('zh-CN', 'activities.roster.title') })
      .getByText(fixedPart('zh-CN', 'activities.roster.state.checkedOut'))
      .first()
      .waitFor({ timeout: 15_000 });
  });
});
