// Issue 6's Done-when in a real browser: the team leader of 布谷响铃 (13900000005) opens check-in for a running
// activity on a phone; a volunteer (13900000006) in a SECOND browser context photographs the QR from the
// organizer's screen (a screenshot of the QR element fed to the scan page's "choose a photo" input), checks in,
// later checks out with a fresh QR, and a pending service record appears for the activity. Axe checks each screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, shot, startServer, type RunningServer } from './harness';
import { chooseLanguage, escape, fixedPart, loose, settle, signInH5, t } from './ui';

const LEADER = { phone: '13900000005', password: 'demo1345' };
const VOLUNTEER = { phone: '13900000006', password: 'demo1345' };
const REVIEWER = { phone: '13900000002', password: 'demo1345' };
const GRID_WORKER = { phone: '13900000004', password: 'demo1345' };
const OTHER_VOLUNTEER = { phone: '13900000007', password: 'demo1345' };
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The demo data's running 布谷响铃 activity with …06 and …07 confirmed (apps/server/seed/activities.ts). */
const DEMO_LIVE = 'act_demo_bugu_live';

describe('activity check-in by QR between two phones', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPhone(viewport = PHONE, mobile = true): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: server.url, isMobile: mobile, hasTouch: mobile });
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
    await signInH5(organizer, 'zh-CN', LEADER, `/activities/${activity.id}/organizer`);
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
    await signInH5(volunteer, 'bo', VOLUNTEER, '/check-in');
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

  it('shows the activity, visit and review screens accessibly in every role', { timeout: 240_000 }, async () => {
    const volunteerToken = await login(OTHER_VOLUNTEER);
    const open = await api<{ items: { id: string; title: string; status: string; signedUp: number; headcount: number }[] }>(
      volunteerToken,
      '/api/v1/activities?status=recruiting&limit=200',
    );
    const target = open.body.items.find((a) => a.signedUp < a.headcount);
    expect(target, 'a recruiting activity with places left').toBeTruthy();

    // A volunteer (…07), in Tibetan with the elderly mode: the list, the detail, and signing up after the risk notice.
    const phone = await newPhone();
    await signInH5(phone, 'bo', OTHER_VOLUNTEER, '/activities');
    await phone.evaluate(() => document.documentElement.classList.add('elderly'));
    await phone.getByRole('heading', { level: 1, name: loose(t('bo', 'activities.title')) }).waitFor();
    await phone
      .getByRole('link', { name: new RegExp(escape(target!.title)) })
      .or(phone.locator(`a[href="/activities/${target!.id}"]`))
      .first()
      .waitFor();
    await settle(phone);
    await checkA11y(phone, 'h5-activities-bo');
    await phone.goto(`/activities/${target!.id}`);
    const signUp = phone.getByRole('button', {
      name: new RegExp(`${escape(t('bo', 'activities.signup.submit'))}|${escape(t('bo', 'activities.signup.joinWaitlist'))}`),
    });
    await signUp.waitFor();
    expect(await signUp.isDisabled()).toBe(true);
    await settle(phone);
    await checkA11y(phone, 'h5-activity-detail-bo');
    await phone.getByLabel(t('bo', 'activities.signup.acknowledge')).check();
    await signUp.click();
    await phone
      .getByRole('status')
      .filter({
        hasText: new RegExp(`${escape(t('bo', 'activities.signup.confirmed'))}|${fixedPart('bo', 'activities.signup.waitlisted').source}`),
      })
      .first()
      .waitFor();
    await shot(phone, 'activity-signed-up-bo.png');
    await phone.goto('/me/activities');
    await phone.getByRole('heading', { level: 1, name: loose(t('bo', 'activities.mine.title')) }).waitFor();
    await settle(phone);
    await checkA11y(phone, 'h5-my-activities-bo');

    // The grid worker (…04), in Chinese: the visit log of the own grid.
    const grid = await newPhone();
    await signInH5(grid, 'zh-CN', GRID_WORKER, '/visits/new');
    await grid.getByRole('heading', { level: 1, name: loose(t('zh-CN', 'visits.title')) }).waitFor();
    const household = grid.getByLabel(t('zh-CN', 'visits.household'), { exact: true });
    await expect.poll(() => household.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await household.selectOption({ index: 1 });
    await grid.getByRole('button', { name: loose(t('zh-CN', 'visits.addInquiry')) }).click();
    await settle(grid);
    await checkA11y(grid, 'h5-visit-log-zh-CN');
    await grid.getByRole('button', { name: loose(t('zh-CN', 'visits.save')) }).click();
    await grid.getByText(t('zh-CN', 'visits.savedBody')).waitFor();
    await shot(grid, 'visit-logged-zh-CN.png');

    // The community admin (…02) at a desk: the review queue, an activity with its roster, the coverage overview.
    const desk = await newPhone(DESKTOP, false);
    await desk.goto('/admin/login');
    await chooseLanguage(desk, 'zh-CN');
    await desk.getByLabel(t('zh-CN', 'auth.phone'), { exact: true }).fill(REVIEWER.phone);
    await desk.getByLabel(t('zh-CN', 'auth.password'), { exact: true }).fill(REVIEWER.password);
    await desk.getByRole('button', { name: loose(t('zh-CN', 'auth.submit')) }).click();
    await desk.getByRole('navigation', { name: t('zh-CN', 'console.menu.label') }).waitFor();
    await desk
      .getByRole('navigation', { name: t('zh-CN', 'console.menu.label') })
      .getByRole('link', { name: t('zh-CN', 'console.menu.activities') })
      .click();
    await desk.getByRole('heading', { level: 1, name: t('zh-CN', 'console.activities.title') }).waitFor();
    await desk.getByRole('tab', { name: t('zh-CN', 'console.activities.reviewQueue') }).waitFor();
    await settle(desk);
    await checkA11y(desk, 'console-activities-review-zh-CN');
    await shot(desk, 'console-activities-review.png');
    const approve = desk.getByRole('button', { name: fixedPart('zh-CN', 'console.activities.approveNamed') }).first();
    if (await approve.isVisible().catch(() => false)) {
      await approve.click();
      await desk
        .getByRole('status')
        .filter({ hasText: fixedPart('zh-CN', 'console.activities.approved') })
        .waitFor();
    }
    await desk.goto(`/admin/activities/${DEMO_LIVE}`);
    await desk.getByRole('heading', { level: 2, name: t('zh-CN', 'activities.roster.title') }).waitFor({ timeout: 15_000 });
    await settle(desk);
    await checkA11y(desk, 'console-activity-detail-zh-CN');
    await desk.goto('/admin/campaigns');
    await desk.getByRole('heading', { level: 1, name: t('zh-CN', 'console.campaigns.title') }).waitFor();
    await desk.getByRole('heading', { level: 2, name: t('zh-CN', 'console.campaigns.figuresTitle') }).waitFor({ timeout: 15_000 });
    await settle(desk);
    await checkA11y(desk, 'console-campaigns-zh-CN');
    await shot(desk, 'console-campaigns.png');
  });
});
