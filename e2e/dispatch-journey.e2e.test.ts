// Issue 4's Done-when in a real browser: the whole chain of API.md's work order with FOUR browser contexts.
// A resident (…08) orders a service from the H5 menu on a phone → the community admin of 桑伊社区 (…02)
// publishes it on the console's dispatch board → the leader of 布谷响铃 (…05) claims it for the team
// (console board in Chinese, the H5 page 队伍接单 in Tibetan) → a volunteer of the team (…06) finds the
// offer on /offers, accepts, starts, completes with minutes and a summary → the resident follows the steps
// and rates 5 → the community admin closes it after the call-back. Then GET /demands/{id} must carry every
// step in order, each by the right person. Once with the UI in zh-CN and once in bo (Tibetan strings come
// from the web catalog). Axe checks the order page, the board, the offers page, the task and order pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Demand, ServiceItemDto } from '../packages/contracts/src/index';
import { apiClient, escape, fixedPart, loose, looseIn, settle, shortId, signInConsole, signInH5, t, type Account, type Lang } from './ui';
import { checkA11y, launchBrowser, shot, startServer, type RunningServer } from './harness';

const PASSWORD = 'demo1345';
const RESIDENT: Account = { phone: '13900000008', password: PASSWORD };
const COMMUNITY_ADMIN: Account = { phone: '13900000002', password: PASSWORD };
const TEAM_LEADER: Account = { phone: '13900000005', password: PASSWORD };
const VOLUNTEER: Account = { phone: '13900000006', password: PASSWORD };
/** 布谷响铃 志愿服务队 of the demo data (apps/server/seed). */
const TEAM_ID = 'team_bugu';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** Other contexts' steps reach a page through refetches; give a loaded machine time. */
const POLL = { timeout: 15_000, interval: 250 };

describe('the menu-style work order from order to close, four people in four browser contexts', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  /** Service items for one volunteer that the team may take (the items it provides, or items naming no team): one per run. */
  let items: ServiceItemDto[] = [];
  const contexts: BrowserContext[] = [];

  async function newPage(phone: boolean): Promise<Page> {
    const context = await browser.newContext({
      viewport: phone ? PHONE : DESKTOP,
      baseURL: server.url,
      isMobile: phone,
      hasTouch: phone,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function closeContexts(): Promise<void> {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  }

  beforeAll(async () => {
    server = await startServer('server-dispatch-journey');
    browser = await launchBrowser();
    api = apiClient(server.url);
    const me = await api.login(RESIDENT);
    const profile = await api.get<{ communityId: string | null; gridId: string | null }>(me.token, '/api/v1/me');
    expect(profile.gridId, 'the demo resident lives in a grid').toBeTruthy();
    const menu = await api.get<{ items: ServiceItemDto[] }>(null, '/api/v1/service-items?limit=200');
    items = menu.items.filter(
      (item) =>
        item.active &&
        item.volunteersNeeded === 1 &&
        (item.teamIds.length === 0 || item.teamIds.includes(TEAM_ID)) &&
        item.nameBo !== null &&
        !(profile.communityId && item.disabledCommunityIds.includes(profile.communityId)),
    );
    expect(items.length, 'the menu has items 布谷响铃 may take').toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await server?.stop();
  });

  async function journey(lang: Lang, item: ServiceItemDto): Promise<void> {
    const itemName = lang === 'bo' ? (item.nameBo ?? item.name) : item.name;
    const summary = lang === 'bo' ? 'རྒན་པ་ལ་ཁ་ལག་སྤྲད་དེ་ཁ་བརྡ་བྱས།' : '上门服务完毕，陪老人聊天半小时。';
    const comment = lang === 'bo' ? 'ཐུགས་རྗེ་ཆེ།' : '谢谢小伙子！';
    const followUp = lang === 'bo' ? 'ཁ་པར་བརྒྱུད་ཕྱིར་འདྲི་བྱས། ཡིད་ཚིམ།' : '电话回访，老人很满意。';
    const started = Date.now();

    // ── A: the resident, on a phone, orders from the menu with one tap and 确认下单 ────────────────
    const resident = await newPage(true);
    await signInH5(resident, lang, RESIDENT, '/services');
    await resident.getByRole('heading', { level: 1, name: loose(t(lang, 'orders.menu.title')) }).waitFor();
    const category = resident.getByRole('region', { name: t(lang, `domains.${item.category}`) });
    const menuLink = category
      .getByRole('link', { name: new RegExp(escape(itemName)) })
      .and(resident.locator(`a[href="/services/${encodeURIComponent(item.id)}/order"]`));
    await menuLink.click();
    await resident.getByRole('heading', { level: 1, name: loose(t(lang, 'orders.new.title')) }).waitFor();
    await resident.getByText(itemName, { exact: true }).waitFor();
    expect(await resident.getByRole('radio', { name: t(lang, 'orders.time.any') }).isChecked()).toBe(true);
    await settle(resident);
    await checkA11y(resident, `h5-order-new-${lang}`);
    await shot(resident, `dispatch-order-new-${lang}`);
    await resident.getByRole('button', { name: loose(t(lang, 'orders.new.submit')) }).click();
    await resident.getByRole('heading', { name: loose(t(lang, 'orders.placed.title')) }).waitFor();
    const view = resident.getByRole('link', { name: loose(t(lang, 'orders.placed.view')) });
    const href = (await view.getAttribute('href')) ?? '';
    const demandId = decodeURIComponent(/^\/orders\/(.+)$/.exec(href)?.[1] ?? '');
    expect(demandId, 'the placed order links to its page').toMatch(/^dem_/);
    await resident.getByText(demandId, { exact: true }).waitFor();
    const cardName = looseIn(`· ${t(lang, 'dispatch.card.no', { no: shortId(demandId) })}`);

    // ── B: the community admin, at a desk, sees it on the board and publishes it (发布) ──────────────
    const admin = await newPage(false);
    await signInConsole(admin, lang, COMMUNITY_ADMIN, '/dispatch');
    await admin.getByRole('heading', { level: 1, name: loose(t(lang, 'dispatch.board.title')) }).waitFor();
    const submittedColumn = admin.getByRole('region', { name: fixedPart(lang, 'dispatch.column.submitted') });
    const adminCard = submittedColumn.getByRole('article', { name: cardName });
    await adminCard.waitFor();
    // The card names the item in the UI language once the menu is loaded.
    await expect.poll(() => adminCard.getByRole('heading').textContent(), POLL).toContain(itemName);
    await settle(admin);
    await checkA11y(admin, `console-dispatch-board-${lang}`);
    await shot(admin, `dispatch-board-${lang}`);
    await adminCard.getByRole('button', { name: loose(t(lang, 'dispatch.actions.publish')) }).click();
    const publishedColumn = admin.getByRole('region', { name: fixedPart(lang, 'dispatch.column.published') });
    await publishedColumn.getByRole('article', { name: cardName }).waitFor();
    expect(await submittedColumn.getByRole('article', { name: cardName }).count()).toBe(0);
    // The admin sees the publish step, so the team leader may now claim it.

    // ── C: the team leader claims it for 布谷响铃 ─────────────────────────────────────────────────
    const leaderOnPhone = lang === 'bo';
    const leader = await newPage(leaderOnPhone);
    if (leaderOnPhone) {
      // On the phone: 队伍接单 lists what the community published; 为本队认领 takes it for the team.
      await signInH5(leader, lang, TEAM_LEADER, '/team-demands');
      const open = leader.getByRole('region', { name: t(lang, 'orders.team.published') });
      const demandCard = open.getByRole('article').filter({ has: leader.locator(`a[href="/orders/${encodeURIComponent(demandId)}"]`) });
      await demandCard.waitFor();
      await settle(leader);
      await checkA11y(leader, `h5-team-demands-${lang}`);
      await demandCard.getByRole('button', { name: loose(t(lang, 'orders.team.claim')) }).click();
      // The demand moves to the team's list, and the page says it was claimed.
      await leader
        .getByRole('status')
        .filter({ hasText: fixedPart(lang, 'orders.team.claimed') })
        .waitFor();
      await leader
        .getByRole('region', { name: t(lang, 'orders.team.assigned') })
        .locator(`a[href="/orders/${encodeURIComponent(demandId)}"]`)
        .waitFor();
      expect(await demandCard.count()).toBe(0);
    } else {
      // At the desk: the board's 认领 opens a dialog whose 队伍 select already holds the one team they lead.
      await signInConsole(leader, lang, TEAM_LEADER, '/dispatch');
      const card = leader
        .getByRole('region', { name: fixedPart(lang, 'dispatch.column.published') })
        .getByRole('article', { name: cardName });
      await card.getByRole('button', { name: loose(t(lang, 'dispatch.actions.claim')) }).click();
      const dialog = leader.getByRole('dialog', { name: t(lang, 'dispatch.actions.claimTitle') });
      await dialog.waitFor();
      const team = dialog.getByRole('combobox', { name: t(lang, 'dispatch.fields.team') });
      await team.waitFor();
      await expect.poll(() => dialog.textContent(), POLL).toMatch(/布谷响铃/);
      await settle(leader);
      await checkA11y(leader, `console-claim-dialog-${lang}`);
      await dialog.getByRole('button', { name: loose(t(lang, 'dispatch.actions.claimOk')) }).click();
      await dialog.waitFor({ state: 'hidden' });
      await leader
        .getByRole('region', { name: fixedPart(lang, 'dispatch.column.assigned') })
        .getByRole('article', { name: cardName })
        .waitFor();
    }

    // ── D: the volunteer of the team sees the offer, accepts, starts and completes ──────────────────
    const volunteer = await newPage(true);
    await signInH5(volunteer, lang, VOLUNTEER, '/offers');
    await volunteer.getByRole('heading', { level: 1, name: loose(t(lang, 'offers.title')) }).waitFor();
    const offered = volunteer.getByRole('region', { name: t(lang, 'offers.offered') });
    const offerLink = offered.locator(`a[href="/tasks/${encodeURIComponent(demandId)}"]`);
    await offerLink.waitFor();
    expect(await offerLink.textContent()).toContain(itemName);
    await settle(volunteer);
    await checkA11y(volunteer, `h5-offers-${lang}`);
    await shot(volunteer, `dispatch-offers-${lang}`);
    await offerLink.click();
    await volunteer.getByRole('heading', { level: 1, name: itemName }).waitFor();
    // Before accepting, no contact details (DR-21).
    expect(await volunteer.getByRole('link', { name: fixedPart(lang, 'offers.callBeneficiary') }).count()).toBe(0);
    await volunteer.getByRole('button', { name: loose(t(lang, 'offers.accept')) }).click();
    const start = volunteer.getByRole('button', { name: loose(t(lang, 'offers.start')) });
    await start.waitFor();
    await settle(volunteer);
    await checkA11y(volunteer, `h5-task-accepted-${lang}`);
    await start.click();
    const minutes = volunteer.getByLabel(t(lang, 'offers.minutes'), { exact: true });
    await minutes.waitFor();
    await minutes.fill('40');
    await volunteer.getByRole('button', { name: t(lang, 'offers.minutesMore', { count: 10 }) }).click();
    expect(await minutes.inputValue()).toBe('50');
    await volunteer.getByLabel(new RegExp(escape(t(lang, 'offers.summary')))).fill(summary);
    await volunteer.getByRole('button', { name: loose(t(lang, 'offers.complete')) }).click();
    await volunteer
      .getByRole('status')
      .filter({ hasText: fixedPart(lang, 'offers.done') })
      .waitFor();
    await shot(volunteer, `dispatch-task-done-${lang}`);

    // ── A again: the steps show the service done; the resident rates it 5 ─────────────────────────
    await resident.goto(`/orders/${encodeURIComponent(demandId)}`);
    const steps = resident.getByRole('list', { name: t(lang, 'orders.progress') });
    await steps.waitFor();
    const current = () => steps.locator('[aria-current="step"]').textContent();
    await expect.poll(current, POLL).toContain(t(lang, 'orders.steps.completed'));
    expect(await steps.getByRole('listitem').count()).toBe(6);
    const history = resident.getByRole('region', { name: t(lang, 'orders.detail.history') });
    for (const action of ['submit', 'publish', 'assign', 'accept', 'start', 'complete']) {
      await history
        .getByText(t(lang, `orders.history.${action}`), { exact: true })
        .first()
        .waitFor();
    }
    await settle(resident);
    await checkA11y(resident, `h5-order-completed-${lang}`);
    await resident.getByRole('radio', { name: t(lang, 'orders.rate.scores.5') }).check();
    await resident.getByLabel(new RegExp(escape(t(lang, 'orders.rate.comment')))).fill(comment);
    await resident.getByRole('button', { name: loose(t(lang, 'orders.rate.submit')) }).click();
    await expect.poll(current, POLL).toContain(t(lang, 'orders.steps.finished'));
    await resident.getByText(t(lang, 'orders.status.rated'), { exact: true }).first().waitFor();
    await shot(resident, `dispatch-order-rated-${lang}`);

    // ── B again: the community admin closes it after the call-back (办结) ───────────────────────────
    await admin.reload();
    const doneColumn = admin.getByRole('region', { name: fixedPart(lang, 'dispatch.column.completed') });
    const doneCard = doneColumn.getByRole('article', { name: cardName });
    await doneCard.waitFor();
    await doneCard.getByRole('button', { name: loose(t(lang, 'dispatch.actions.close')) }).click();
    const closeDialog = admin.getByRole('dialog', { name: t(lang, 'dispatch.actions.closeTitle') });
    await closeDialog.getByLabel(t(lang, 'dispatch.actions.followUpLabel')).fill(followUp);
    await closeDialog.getByRole('button', { name: loose(t(lang, 'dispatch.actions.closeOk')) }).click();
    await closeDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => doneColumn.getByRole('article', { name: cardName }).count(), POLL).toBe(0);

    // The resident's page now shows every step done.
    await resident.reload();
    await resident.getByText(t(lang, 'orders.status.closed'), { exact: true }).first().waitFor();
    expect(await steps.locator('[aria-current="step"]').count()).toBe(0);
    expect(await steps.getByText(t(lang, 'orders.stepDone')).count()).toBe(6);

    // ── The record: every step of API.md in order, each by the person who took it ───────────────────
    const [adminSession, residentSession, leaderSession, volunteerSession] = await Promise.all(
      [COMMUNITY_ADMIN, RESIDENT, TEAM_LEADER, VOLUNTEER].map((account) => api.login(account)),
    );
    const demand = await api.get<Demand>(adminSession!.token, `/api/v1/demands/${encodeURIComponent(demandId)}`);
    expect(demand.status).toBe('closed');
    expect(demand.serviceItemId).toBe(item.id);
    expect(demand.teamId).toBe(TEAM_ID);
    const volunteerMe = await api.get<{ volunteerId: string | null }>(volunteerSession!.token, '/api/v1/me');
    expect(demand.volunteerIds).toEqual([volunteerMe.volunteerId]);
    expect(demand.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['submit', null, 'submitted'],
      ['publish', 'submitted', 'published'],
      ['assign', 'published', 'assigned'],
      ['accept', 'assigned', 'accepted'],
      ['start', 'accepted', 'in_service'],
      ['complete', 'in_service', 'completed'],
      ['rate', 'completed', 'rated'],
      ['close', 'rated', 'closed'],
    ]);
    expect(demand.history.map((h) => h.byUserId)).toEqual([
      residentSession!.userId,
      adminSession!.userId,
      leaderSession!.userId,
      volunteerSession!.userId,
      volunteerSession!.userId,
      volunteerSession!.userId,
      residentSession!.userId,
      adminSession!.userId,
    ]);
    const times = demand.history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(demand.history[6]!.note ?? '').toMatch(/score 5/);
    expect(demand.rating).toBe(5);
    expect(demand.ratingComment).toBe(comment);
    expect(demand.followUp).toBe(followUp);
    // Completing wrote a pending service record of the minutes and the summary (hours after the community verifies).
    const records = await api.get<{ items: { demandId: string | null; minutes: number; status: string; content: string }[] }>(
      volunteerSession!.token,
      `/api/v1/volunteers/${encodeURIComponent(volunteerMe.volunteerId ?? '')}/service-records?limit=20`,
    );
    expect(records.items.filter((r) => r.demandId === demandId).map((r) => [r.minutes, r.status, r.content])).toEqual([
      [50, 'pending', summary],
    ]);
    console.log(`[e2e] dispatch journey in ${lang}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await closeContexts();
  }

  it('works in Chinese (zh-CN): order, publish, claim on the console board, accept, start, complete, rate, close', async () => {
    await journey('zh-CN', items[0]!);
  }, 180_000);

  it('works with the UI in Tibetan (bo): the leader claims on the H5 page 队伍接单', async () => {
    await journey('bo', items[1]!);
  }, 180_000);
});
