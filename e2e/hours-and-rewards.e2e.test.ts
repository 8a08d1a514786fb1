// Issue 5 in a real browser, once with the UI in zh-CN and once in bo (Tibetan strings from the web catalog):
// (a) the community admin of 桑伊社区 (…02) confirms a pending service record on the console's 时长审核 page and the
//     volunteer's verified hours and points on the H5 page /me/hours go up by what the server credited;
// (b) a volunteer (…06) redeems a reward in the 爱心超市 (/rewards) and gets a 6-digit pickup code; the partner
//     merchant (…11), in another browser context, enters the code on /merchant and redeems; the volunteer's order
//     then shows 已核销 on /me/redemptions;
// (c) a community admin (zh) or the street admin (bo) issues a certificate on /admin/certificates; an anonymous
//     context opens /verify/{number} and sees the masked name and 证书有效; after the revoke there, it shows the
//     revocation. Axe checks /me/hours, /rewards, /merchant, /admin/verification and /verify/… in both languages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateVerify, Redemption, Reward, ServiceRecord, VolunteerSummary } from '../packages/contracts/src/index';
import { apiClient, chooseLanguage, escape, fixedPart, loose, settle, signInConsole, signInH5, t, type Account, type Lang } from './ui';
import { checkA11y, launchBrowser, shot, startServer, type RunningServer } from './harness';

const PASSWORD = 'demo1345';
const STREET_ADMIN: Account = { phone: '13900000001', password: PASSWORD };
const COMMUNITY_ADMIN: Account = { phone: '13900000002', password: PASSWORD };
const REDEEMER: Account = { phone: '13900000006', password: PASSWORD };
const MERCHANT: Account = { phone: '13900000011', password: PASSWORD };
/** Demo volunteer accounts that may own a pending 桑伊社区 record (apps/server/seed/records.ts puts …06 first). */
const VOLUNTEER_PHONES = ['13900000006', '13900000007', '13900000009', '13900000005'];
/** The merchant 13900000011 runs (apps/server/seed/rewards.ts); the other shop has no account. */
const UNLINKED_MERCHANT = 'mch_sangyi';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const POLL = { timeout: 15_000, interval: 250 };

/** minutes → "12.5" (features/hours/model.ts hoursText: one decimal). */
const hoursText = (minutes: number) => (Math.round(minutes / 6) / 10).toFixed(1);

type Me = { name: string; volunteerId: string | null };
type Job = { record: ServiceRecord; account: Account };

describe('hours, points, rewards and certificates in the browser (issue 5)', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  const contexts: BrowserContext[] = [];
  /** One pending 桑伊 record of a demo volunteer account per language. */
  const jobs: Job[] = [];
  /** Two rewards of the merchant's shop that …06 can afford (one per language). */
  let rewards: Reward[] = [];
  let redeemer: Me & { volunteerNo: string };

  async function newPage(phone: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: phone ? PHONE : DESKTOP, baseURL: server.url, isMobile: phone, hasTouch: phone });
    contexts.push(context);
    return context.newPage();
  }

  async function closeContexts(): Promise<void> {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  }

  beforeAll(async () => {
    server = await startServer('server-hours-and-rewards');
    browser = await launchBrowser();
    api = apiClient(server.url);

    // (a) Which demo volunteer accounts own a pending record that the 桑伊 admin may confirm?
    const admin = await api.login(COMMUNITY_ADMIN);
    const queue = await api.get<{ items: ServiceRecord[] }>(admin.token, '/api/v1/service-records?status=pending&limit=200');
    for (const phone of VOLUNTEER_PHONES) {
      const account = { phone, password: PASSWORD };
      const me = await api.get<Me>((await api.login(account)).token, '/api/v1/me');
      if (!me.volunteerId) continue;
      for (const record of queue.items.filter((r) => r.volunteerId === me.volunteerId && r.canDecide && r.communityId === 'com_sy')) {
        jobs.push({ record, account });
      }
    }
    expect(jobs.length, 'the demo has two pending 桑伊 records of demo volunteer accounts').toBeGreaterThanOrEqual(2);

    // (b) Rewards of the linked shop, with no star floor or period limit, that …06 can afford.
    const volunteer = await api.login(REDEEMER);
    const me = await api.get<Me>(volunteer.token, '/api/v1/me');
    const profile = await api.get<{ volunteerNo: string }>(admin.token, `/api/v1/volunteers/${encodeURIComponent(me.volunteerId ?? '')}`);
    redeemer = { ...me, volunteerNo: profile.volunteerNo };
    const summary = await api.get<VolunteerSummary>(
      volunteer.token,
      `/api/v1/volunteers/${encodeURIComponent(me.volunteerId ?? '')}/summary`,
    );
    const catalog = await api.get<{ items: Reward[] }>(volunteer.token, '/api/v1/rewards?limit=200');
    rewards = catalog.items
      .filter(
        (r) => r.active && r.merchant.id !== UNLINKED_MERCHANT && r.minStar === 0 && r.perPeriodLimit === null && r.stock > 0 && r.nameBo,
      )
      .sort((a, b) => a.pointsCost - b.pointsCost);
    expect(rewards.length, 'the shop of 13900000011 has two unlimited items').toBeGreaterThanOrEqual(2);
    expect(summary.points, '…06 has points for both').toBeGreaterThanOrEqual(rewards[0]!.pointsCost + rewards[1]!.pointsCost);
  });

  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await server?.stop();
  });

  /** The value next to a label in /me/hours' list of balances. */
  const balance = (page: Page, label: string) =>
    page
      .locator('dl.hours-balances > div')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${escape(label)}$`) }) })
      .locator('dd');

  async function verifyRecord(lang: Lang, job: Job): Promise<void> {
    const volunteerSession = await api.login(job.account);
    const summaryPath = `/api/v1/volunteers/${encodeURIComponent(job.record.volunteerId)}/summary`;
    const before = await api.get<VolunteerSummary>(volunteerSession.token, summaryPath);

    const volunteer = await newPage(true);
    await signInH5(volunteer, lang, job.account, '/me/hours');
    await volunteer.getByRole('heading', { level: 1, name: loose(t(lang, 'hours.mine.title')) }).waitFor();
    const hours = balance(volunteer, t(lang, 'hours.mine.verified'));
    const points = balance(volunteer, t(lang, 'hours.wallet.points'));
    await expect.poll(() => hours.textContent(), POLL).toBe(t(lang, 'hours.hoursValue', { value: hoursText(before.verifiedMinutes) }));
    expect(await points.textContent()).toBe(String(before.points));
    await settle(volunteer);
    await checkA11y(volunteer, `h5-my-hours-${lang}`);

    const admin = await newPage(false);
    await signInConsole(admin, lang, COMMUNITY_ADMIN, '/verification');
    await admin.getByRole('heading', { level: 1, name: loose(t(lang, 'hours.console.verification.title')) }).waitFor();
    const row = admin.locator(`tr[data-row-key="${job.record.id}"]`);
    await row.waitFor();
    await settle(admin);
    await checkA11y(admin, `console-verification-${lang}`);
    await shot(admin, `hours-verification-${lang}`);
    await row
      .getByRole('button', { name: loose(t(lang, 'hours.console.verification.verify', { name: job.record.volunteerName })) })
      .click();
    await admin
      .getByRole('status')
      .filter({ hasText: t(lang, 'hours.console.verification.done.verified', { name: job.record.volunteerName }) })
      .waitFor();
    await expect.poll(() => row.count(), POLL).toBe(0);

    const after = await api.get<VolunteerSummary>(volunteerSession.token, summaryPath);
    expect(after.verifiedMinutes).toBe(before.verifiedMinutes + job.record.minutes);
    expect(after.points, 'the verified record earned points').toBeGreaterThan(before.points);
    await volunteer.reload();
    await expect.poll(() => hours.textContent(), POLL).toBe(t(lang, 'hours.hoursValue', { value: hoursText(after.verifiedMinutes) }));
    expect(await points.textContent()).toBe(String(after.points));
    await shot(volunteer, `hours-my-hours-after-${lang}`);
  }

  async function redeemAtMerchant(lang: Lang, reward: Reward): Promise<void> {
    const rewardName = lang === 'bo' ? reward.nameBo! : reward.name;
    const volunteer = await newPage(true);
    await signInH5(volunteer, lang, REDEEMER, '/rewards');
    await volunteer.getByRole('heading', { level: 1, name: loose(t(lang, 'hours.rewards.title')) }).waitFor();
    const redeem = volunteer.getByRole('button', { name: loose(t(lang, 'hours.rewards.redeem', { name: rewardName })) });
    await redeem.waitFor();
    await settle(volunteer);
    await checkA11y(volunteer, `h5-rewards-${lang}`);
    await redeem.click();
    expect(await volunteer.getByLabel(t(lang, 'hours.rewards.quantity'), { exact: true }).inputValue()).toBe('1');
    await volunteer.getByRole('button', { name: loose(t(lang, 'hours.rewards.confirm')) }).click();
    const done = volunteer.getByRole('status').filter({ has: volunteer.getByRole('heading', { name: t(lang, 'hours.rewards.redeemed') }) });
    await done.waitFor();
    const label = t(lang, 'hours.redemptions.pickupCode');
    const group = done.getByRole('group', { name: new RegExp(`^${escape(label)} \\d \\d \\d \\d \\d \\d$`) });
    const code = ((await group.getAttribute('aria-label')) ?? '').slice(label.length).replace(/\s+/g, '');
    expect(code).toMatch(/^\d{6}$/);
    expect((await group.textContent())?.replace(/\s+/g, '')).toContain(code);
    await shot(volunteer, `hours-redeemed-${lang}`);

    // The order waits for pickup on /me/redemptions with the code.
    await volunteer.goto('/me/redemptions');
    const filter = volunteer.getByRole('group', { name: t(lang, 'hours.redemptions.filter') });
    const codeGroup = volunteer.getByRole('group', { name: `${label} ${code.split('').join(' ')}` });
    await filter.getByRole('button', { name: loose(t(lang, 'hours.redemptionStatus.pending_pickup')) }).click();
    await codeGroup.waitFor();

    // The merchant, in another context, enters the code and redeems.
    const merchant = await newPage(true);
    await signInH5(merchant, lang, MERCHANT, '/merchant');
    await merchant.getByRole('heading', { level: 1, name: loose(t(lang, 'hours.merchant.title')) }).waitFor();
    const shopOrders = merchant.getByRole('list', { name: t(lang, 'hours.merchant.shopOrders') });
    await shopOrders.getByText(rewardName, { exact: false }).first().waitFor();
    await settle(merchant);
    await checkA11y(merchant, `h5-merchant-${lang}`);
    await merchant.getByLabel(t(lang, 'hours.merchant.code'), { exact: true }).fill(code);
    await merchant.getByRole('button', { name: loose(t(lang, 'hours.merchant.redeemCode')) }).click();
    const redeemed = merchant.getByRole('status').filter({ has: merchant.getByRole('heading', { name: t(lang, 'hours.merchant.done') }) });
    await redeemed.waitFor();
    expect(await redeemed.textContent()).toContain(rewardName);
    // Star level and perks only: no name or phone of the volunteer.
    expect(await redeemed.textContent()).not.toContain(redeemer.name);
    await settle(merchant);
    await checkA11y(merchant, `h5-merchant-redeemed-${lang}`);
    await shot(merchant, `hours-merchant-redeemed-${lang}`);
    // The same code again is refused.
    await merchant.getByLabel(t(lang, 'hours.merchant.code'), { exact: true }).fill(code);
    await merchant.getByRole('button', { name: loose(t(lang, 'hours.merchant.redeemCode')) }).click();
    await merchant.getByRole('alert').first().waitFor();

    // The volunteer's order: no longer waiting, listed as 已核销.
    await volunteer.reload();
    await filter.getByRole('button', { name: loose(t(lang, 'hours.redemptionStatus.pending_pickup')) }).click();
    await volunteer
      .getByRole('list', { name: t(lang, 'hours.redemptions.list') })
      .or(volunteer.getByText(t(lang, 'hours.redemptions.empty')))
      .first()
      .waitFor();
    expect(await codeGroup.count()).toBe(0);
    await filter.getByRole('button', { name: loose(t(lang, 'hours.redemptionStatus.redeemed')) }).click();
    const item = volunteer
      .getByRole('list', { name: t(lang, 'hours.redemptions.list') })
      .getByRole('listitem')
      .filter({ hasText: rewardName })
      .first();
    await item.waitFor();
    expect(await item.textContent()).toContain(t(lang, 'hours.redemptionStatus.redeemed'));
    await shot(volunteer, `hours-redemptions-${lang}`);

    const mine = await api.get<{ items: Redemption[] }>(
      (await api.login(REDEEMER)).token,
      '/api/v1/me/redemptions?status=redeemed&limit=200',
    );
    expect(mine.items.filter((r) => r.rewardId === reward.id && r.redeemedAt !== null).length).toBeGreaterThanOrEqual(1);
  }

  async function certificate(lang: Lang, issuer: Account): Promise<void> {
    const admin = await newPage(false);
    await signInConsole(admin, lang, issuer, '/certificates');
    await admin.getByRole('heading', { level: 1, name: loose(t(lang, 'hours.console.certificates.title')) }).waitFor();
    const volunteerField = admin.getByLabel(t(lang, 'hours.console.volunteer'), { exact: true });
    await volunteerField.click();
    await volunteerField.fill(redeemer.name);
    await admin.locator('.ant-select-item-option').filter({ hasText: redeemer.volunteerNo }).first().click();
    const language = lang === 'bo' ? 'bo' : 'bilingual';
    await admin.getByRole('combobox', { name: t(lang, 'hours.console.certificates.language'), exact: true }).click();
    await admin
      .locator('.ant-select-item-option')
      .filter({ hasText: t(lang, `hours.certificates.language.${language}`) })
      .first()
      .click();
    await admin.getByRole('button', { name: loose(t(lang, 'hours.console.certificates.issueButton')) }).click();
    const issued = admin.getByRole('status').filter({ hasText: fixedPart(lang, 'hours.console.certificates.issued') });
    await issued.waitFor();
    const number = /DD-[A-Z0-9]+-\d{4}-\d{6}-[A-Z0-9]{4}/.exec((await issued.textContent()) ?? '')?.[0] ?? '';
    expect(number, 'the issued number is shown').not.toBe('');
    await shot(admin, `hours-certificate-issued-${lang}`);

    const publicCheck = await api.get<CertificateVerify>(null, `/api/v1/certificates/${encodeURIComponent(number)}/verify`);
    expect(publicCheck.valid).toBe(true);
    expect(publicCheck.holderName).not.toBe(redeemer.name);

    // Anyone, signed out, on a phone.
    const anonymous = await newPage(true);
    await anonymous.goto(`/verify/${encodeURIComponent(number)}`);
    await chooseLanguage(anonymous, lang);
    await anonymous.getByRole('heading', { level: 1, name: loose(t(lang, 'verify.title')) }).waitFor();
    const state = anonymous.getByRole('status').filter({ hasText: t(lang, 'verify.valid') });
    await state.waitFor();
    const page = (await anonymous.textContent('body')) ?? '';
    expect(page).toContain(publicCheck.holderName);
    expect(page).not.toContain(redeemer.name);
    expect(page).toContain(number);
    await settle(anonymous);
    await checkA11y(anonymous, `h5-verify-valid-${lang}`);
    await shot(anonymous, `hours-verify-valid-${lang}`);

    // Revoke on the console; the public page says so.
    await admin.getByLabel(t(lang, 'hours.console.certificates.number'), { exact: true }).fill(number);
    await admin
      .getByLabel(t(lang, 'hours.console.certificates.revokeReason'), { exact: true })
      .fill(lang === 'bo' ? 'ནོར་འཁྲུལ་བྱུང་།' : '时长登记有误，重新开具。');
    await admin
      .locator('form')
      .filter({ has: admin.locator('#hours-revoke-number') })
      .getByRole('button', { name: loose(t(lang, 'hours.console.certificates.revokeButton')) })
      .click();
    await admin
      .getByRole('status')
      .filter({ hasText: t(lang, 'hours.console.certificates.revoked', { number }) })
      .waitFor();

    await anonymous.reload();
    await anonymous
      .getByRole('status')
      .filter({ hasText: t(lang, 'verify.revoked') })
      .waitFor();
    await anonymous.getByText(fixedPart(lang, 'verify.revokedAt')).waitFor();
    expect(
      await anonymous
        .getByRole('status')
        .filter({ hasText: t(lang, 'verify.valid') })
        .count(),
    ).toBe(0);
    await settle(anonymous);
    await checkA11y(anonymous, `h5-verify-revoked-${lang}`);
    await shot(anonymous, `hours-verify-revoked-${lang}`);
    const afterRevoke = await api.get<CertificateVerify>(null, `/api/v1/certificates/${encodeURIComponent(number)}/verify`);
    expect(afterRevoke.valid).toBe(false);
    expect(afterRevoke.revokedAt).not.toBeNull();
  }

  async function run(lang: Lang, index: number, issuer: Account): Promise<void> {
    const started = Date.now();
    await verifyRecord(lang, jobs[index]!);
    await closeContexts();
    await redeemAtMerchant(lang, rewards[index]!);
    await closeContexts();
    await certificate(lang, issuer);
    await closeContexts();
    console.log(`[e2e] hours and rewards in ${lang}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  it('works in Chinese (zh-CN): verify → hours up, redeem → merchant redeems, certificate → verify → revoke', async () => {
    await run('zh-CN', 0, COMMUNITY_ADMIN);
  }, 180_000);

  it('works with the UI in Tibetan (bo), the street admin issuing the certificate', async () => {
    await run('bo', 1, STREET_ADMIN);
  }, 180_000);
});
