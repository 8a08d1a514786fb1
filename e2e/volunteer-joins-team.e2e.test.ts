// Issue 3's journey in a real browser: a new volunteer registers on the H5 in Tibetan, applies to
// "布谷响铃"志愿服务队, the team leader approves in the console (a second browser context), and the
// volunteer then finds the team on their profile. Axe checks every page; screenshots go to e2e/artifacts/.
import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../packages/contracts/src/id-number';
import { checkA11y, launchBrowser, shot, startServer, type RunningServer } from './harness';
import { anyLanguage, chooseLanguage, escape, fixedPart, loose, settle, t, waitForAccountLanguage } from './ui';

const LEADER = { phone: '13900000005', password: 'demo1345' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** A fresh, valid resident ID (GB 11643) of a 28-year-old from Lhasa's Chengguan district, unique per run. */
function freshResidentId(): string {
  const born = new Date();
  born.setFullYear(born.getFullYear() - 28);
  born.setDate(born.getDate() - randomInt(1, 300));
  const ymd = `${born.getFullYear()}${String(born.getMonth() + 1).padStart(2, '0')}${String(born.getDate()).padStart(2, '0')}`;
  const first17 = `540102${ymd}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

type Named = { id: string; name: string; nameBo: string | null };

describe('a new volunteer joins "布谷响铃"志愿服务队', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(viewport: { width: number; height: number }, options: { isMobile?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      baseURL: server.url,
      isMobile: options.isMobile ?? false,
      hasTouch: options.isMobile ?? false,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startServer('server-volunteer-joins-team');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('registers in Tibetan, applies, is approved by the leader and sees the team on the profile', async () => {
    // Facts of the demo street the journey needs: 桑伊社区, one of its grids, and the team.
    const communities = await api<{ items: Named[] }>('/api/v1/communities');
    const sangyi = communities.items.find((c) => c.name === '桑伊社区');
    expect(sangyi, 'demo data has 桑伊社区').toBeTruthy();
    const detail = await api<{ grids: Named[] }>(`/api/v1/communities/${sangyi!.id}`);
    const grid = detail.grids[0]!;
    const teams = await api<{ items: (Named & { nameEn: string | null })[] }>('/api/v1/teams?limit=200');
    const bugu = teams.items.find((team) => team.name.includes('布谷响铃'));
    expect(bugu, 'demo data has "布谷响铃"志愿服务队').toBeTruthy();

    const person = {
      name: '丹增曲珍',
      nameBo: 'བསྟན་འཛིན་ཆོས་སྒྲོན།',
      phone: `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      password: 'Cuckoo-2026',
      idNumber: freshResidentId(),
    };

    // ── The volunteer, on a phone, in Tibetan ─────────────────────────────────────────────
    const phone = await newPage(PHONE, { isMobile: true });
    await phone.goto('/');
    await chooseLanguage(phone, 'bo');
    await phone
      .getByRole('link', { name: loose(t('bo', 'register.cta')) })
      .first()
      .click();
    await phone.getByRole('heading', { level: 1, name: loose(t('bo', 'register.title')) }).waitFor();

    // Step 1: the phone account.
    await phone.getByLabel(t('bo', 'register.name'), { exact: true }).fill(person.name);
    await phone.getByLabel(t('bo', 'auth.phone'), { exact: true }).fill(person.phone);
    await phone.getByLabel(t('bo', 'auth.password'), { exact: true }).fill(person.password);
    await phone.getByLabel(t('bo', 'register.confirmPassword'), { exact: true }).fill(person.password);
    await phone.getByRole('button', { name: loose(t('bo', 'register.createAccount')) }).click();

    // Step 2: the volunteer form, still in Tibetan (the new account keeps the device's language).
    await phone.getByRole('heading', { level: 2, name: loose(t('bo', 'volunteer.form.identity')) }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('bo');
    expect(await phone.getByLabel(t('bo', 'volunteer.form.realName'), { exact: true }).inputValue()).toBe(person.name);
    await phone.getByLabel(t('bo', 'volunteer.form.nameBo')).fill(person.nameBo);

    // A mistyped check character is caught at once, in Tibetan; the right one reads birth date and age.
    const idField = phone.getByLabel(t('bo', 'volunteer.form.idNumber'), { exact: true });
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber.endsWith('0') ? '1' : '0');
    await idField.fill(wrong);
    await phone.getByText(t('bo', 'volunteer.errors.id_checksum')).waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    await idField.fill(person.idNumber);
    await phone.getByText(fixedPart('bo', 'volunteer.form.idRead')).waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('false');

    expect(await phone.getByLabel(t('bo', 'volunteer.form.phone'), { exact: true }).inputValue()).toBe(person.phone);
    await phone.getByLabel(t('bo', 'volunteer.form.community'), { exact: true }).selectOption(sangyi!.id);
    const gridSelect = phone.getByLabel(t('bo', 'volunteer.form.grid'), { exact: true });
    await expect.poll(() => gridSelect.locator('option').count()).toBeGreaterThan(1);
    await gridSelect.selectOption(grid.id);
    await phone.getByRole('checkbox', { name: t('bo', 'skills.translation') }).check();
    await phone.getByRole('checkbox', { name: t('bo', 'skills.companionship') }).check();
    expect(await phone.getByRole('checkbox', { name: t('bo', 'spokenLanguages.bo') }).isChecked()).toBe(true);
    await phone.getByRole('checkbox', { name: t('bo', 'spokenLanguages.zh') }).check();
    await phone.getByRole('button', { name: loose(t('bo', 'volunteer.form.addWindow')) }).click();
    await phone.getByLabel(t('bo', 'volunteer.form.consentPrivacy')).check();
    await phone.getByLabel(t('bo', 'volunteer.form.consentSensitive')).check();
    await settle(phone);
    await checkA11y(phone, 'h5-register-bo');
    await shot(phone, 'register-bo.png');

    await phone.getByRole('button', { name: loose(t('bo', 'volunteer.form.submit')) }).click();
    const done = phone.getByRole('status').filter({ hasText: fixedPart('bo', 'register.done') });
    await done.waitFor();
    const volunteerNo = /(\S+)\s+ཡིན།/.exec((await done.textContent()) ?? '')?.[1];
    expect(volunteerNo, 'the new volunteer number is shown').toBeTruthy();
    await checkA11y(phone, 'h5-registered-bo');

    // Find the team through the H5 and apply.
    await phone.getByRole('link', { name: loose(t('bo', 'register.findTeam')) }).click();
    const teamLabel = bugu!.nameBo ?? bugu!.name;
    await phone
      .getByRole('link', { name: new RegExp(escape(teamLabel)) })
      .first()
      .click();
    await phone.getByRole('heading', { level: 1, name: teamLabel }).waitFor();
    await phone.getByRole('button', { name: loose(t('bo', 'join.apply')) }).click();
    await phone.getByText(fixedPart('bo', 'join.pending')).waitFor();
    await settle(phone);
    await checkA11y(phone, 'h5-team-applied-bo');

    // ── The team leader, at a desk, in the console ────────────────────────────────────────
    const desk = await newPage(DESKTOP);
    await desk.goto('/admin/login');
    await chooseLanguage(desk, 'zh-CN');
    await desk.getByLabel(t('zh-CN', 'auth.phone'), { exact: true }).fill(LEADER.phone);
    await desk.getByLabel(t('zh-CN', 'auth.password'), { exact: true }).fill(LEADER.password);
    await desk.getByRole('button', { name: loose(t('zh-CN', 'auth.submit')) }).click();
    await desk.getByRole('heading', { level: 1, name: anyLanguage('console.dashboard.title') }).waitFor();
    await waitForAccountLanguage(desk);
    await chooseLanguage(desk, 'zh-CN');

    const menu = desk.getByRole('navigation', { name: t('zh-CN', 'console.menu.label') });
    await menu.getByRole('link', { name: t('zh-CN', 'console.menu.teams') }).click();
    await desk.getByRole('link', { name: bugu!.name, exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: bugu!.name }).waitFor();
    await desk.getByRole('tab', { name: new RegExp(t('zh-CN', 'console.team.tabApplications')) }).click();
    const approve = desk.getByRole('button', { name: loose(t('zh-CN', 'console.applications.approve', { name: person.name })) });
    await approve.waitFor();
    await expect.poll(() => desk.getByRole('row').filter({ hasText: volunteerNo! }).count()).toBe(1);
    await settle(desk);
    await checkA11y(desk, 'console-applications-zh-CN');
    await shot(desk, 'console-applications.png');

    await approve.click();
    await desk.getByText(t('zh-CN', 'console.applications.approved', { name: person.name })).waitFor();
    // The demo team has other pending applications; this one leaves the pending list.
    await expect.poll(() => desk.getByRole('row').filter({ hasText: volunteerNo! }).count()).toBe(0);

    // ── Back on the phone: the team is on the volunteer's profile ───────────────────────────
    await phone.goto('/me');
    await phone.getByRole('heading', { level: 1, name: loose(t('bo', 'h5.me.title')) }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('bo');
    const myTeams = phone.getByRole('region', { name: t('bo', 'h5.home.myTeams') });
    const teamLink = myTeams.getByRole('link', { name: new RegExp(escape(teamLabel)) });
    await teamLink.waitFor();
    expect(await teamLink.textContent()).toContain(t('bo', 'teamRoles.member'));
    await phone.getByText(volunteerNo!, { exact: true }).waitFor();
    await settle(phone);
    await checkA11y(phone, 'h5-profile-team-bo');
    await shot(phone, 'profile-team-bo.png');
  });
});
