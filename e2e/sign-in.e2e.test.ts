// Sign-in journeys in a real browser: a resident on the phone H5 and a community admin on the console,
// in Chinese and Tibetan (and English once), with axe checks, screenshots and a check that the script renders.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import boServer from '../apps/server/src/platform/i18n/bo.json';
import enServer from '../apps/server/src/platform/i18n/en.json';
import zhServer from '../apps/server/src/platform/i18n/zh-CN.json';
import { checkA11y, launchBrowser, renderedFonts, shot, startServer, type RunningServer } from './harness';
import { anyLanguage, chooseLanguage, loose, settle, t, waitForAccountLanguage, type Lang } from './ui';

const SERVER_CATALOGS = { 'zh-CN': zhServer, bo: boServer, en: enServer } as const;

const RESIDENT = { phone: '13900000008', password: 'demo1345' };
const COMMUNITY_ADMIN = { phone: '13900000002', password: 'demo1345' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

async function signInOnH5(page: Page, lang: Lang, account: { phone: string; password: string }): Promise<void> {
  await page
    .getByRole('link', { name: loose(t(lang, 'h5.home.signIn')) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: loose(t(lang, 'auth.title')) }).waitFor();
  await page.getByLabel(t(lang, 'auth.phone'), { exact: true }).fill(account.phone);
  await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: loose(t(lang, 'auth.submit')) }).click();
}

async function signInOnConsole(page: Page, lang: Lang, account: { phone: string; password: string }): Promise<void> {
  await page.getByRole('heading', { level: 2, name: loose(t(lang, 'auth.title')) }).waitFor();
  await page.getByLabel(t(lang, 'auth.phone'), { exact: true }).fill(account.phone);
  await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: loose(t(lang, 'auth.submit')) }).click();
}

describe('sign-in journeys', () => {
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

  beforeAll(async () => {
    server = await startServer('server-sign-in');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  describe.each(['zh-CN', 'bo', 'en'] as const)('H5 in %s', (lang) => {
    it('lets a resident sign in and see the home page', async () => {
      const page = await newPage(PHONE, { isMobile: true });
      await page.goto('/');
      await chooseLanguage(page, lang);
      await signInOnH5(page, lang, RESIDENT);

      // The account's stored language applies at sign-in; the switch takes it back to the language under test.
      await page.getByRole('heading', { level: 1, name: anyLanguage('h5.home.title') }).waitFor();
      await waitForAccountLanguage(page);
      await chooseLanguage(page, lang);
      await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/');
      const heading = page.getByRole('heading', { level: 1, name: loose(t(lang, 'h5.home.title')) });
      await heading.waitFor();
      await expect.poll(() => page.getByRole('link', { name: loose(t(lang, 'h5.home.signIn')) }).count()).toBe(0);
      await settle(page);

      await checkA11y(page, `h5-home-${lang}`);
      await shot(page, `h5-home-${lang}`);
    });
  });

  describe.each(['zh-CN', 'bo'] as const)('console in %s', (lang) => {
    it('lets a community admin sign in and see the dashboard', async () => {
      const page = await newPage(DESKTOP);
      await page.goto('/admin');
      await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/admin/login');
      await chooseLanguage(page, lang);
      await signInOnConsole(page, lang, COMMUNITY_ADMIN);

      await page.getByRole('heading', { level: 1, name: anyLanguage('console.dashboard.title') }).waitFor();
      await waitForAccountLanguage(page);
      await chooseLanguage(page, lang);
      await page.getByRole('heading', { level: 1, name: loose(t(lang, 'console.dashboard.title')) }).waitFor();
      // The statistics cards have loaded (their titles are catalog strings).
      await page.getByText(t(lang, 'stats.volunteers'), { exact: true }).first().waitFor();
      await settle(page);

      await checkA11y(page, `console-dashboard-${lang}`);
      await shot(page, `console-dashboard-${lang}`);
    });
  });

  describe.each(['zh-CN', 'bo'] as const)('script rendering in %s', (lang) => {
    it(lang === 'bo' ? 'draws Tibetan with a Tibetan font, not tofu' : 'draws Chinese with a CJK font, not tofu', async () => {
      const page = await newPage(PHONE, { isMobile: true });
      await page.goto('/');
      await chooseLanguage(page, lang);
      const heading = page.getByRole('heading', { level: 1, name: loose(t(lang, 'h5.home.title')) });
      await heading.waitFor();
      await settle(page);

      const fonts = await renderedFonts(page, 'h1');
      const families = fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs${f.isCustomFont ? ', web font' : ''})`).join(', ');
      const script =
        lang === 'bo'
          ? /tibet|himalaya|jomolhari|kailasa/i
          : /cjk|han sans|han serif|wenquanyi|pingfang|yahei|hiragino|droid sans fallback/i;
      const glyphs = fonts.filter((f) => script.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      expect(glyphs, `the h1 "${t(lang, 'h5.home.title')}" was drawn with: ${families}`).toBeGreaterThan(0);

      if (lang === 'bo') {
        // The app's own Tibetan web font (fonts.css) is what loaded, so phones without a Tibetan font render it too.
        const loaded = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
        });
        expect(
          loaded.some((family) => /tibetan/i.test(family)),
          `loaded web fonts: ${loaded.join(', ') || 'none'}`,
        ).toBe(true);
        expect(await page.evaluate(() => document.fonts.check('16px "Duodi Tibetan"', 'ཀ'))).toBe(true);
        await shot(page, 'h5-signed-out-bo');
      }
    });
  });

  describe.each(['zh-CN', 'bo', 'en'] as const)('wrong password in %s', (lang) => {
    it('shows the error in the chosen language and stays on the sign-in page', async () => {
      const page = await newPage(PHONE, { isMobile: true });
      await page.goto('/');
      await chooseLanguage(page, lang);
      await signInOnH5(page, lang, { phone: RESIDENT.phone, password: 'not-the-password' });

      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect.poll(() => alert.textContent()).toContain(SERVER_CATALOGS[lang].errors.invalid_credentials.detail);
      expect(await page.evaluate(() => location.pathname)).toBe('/login');
      await shot(page, `h5-wrong-password-${lang}`);
    });
  });

  it('shows the wrong-password error on the console too', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/admin/login');
    await chooseLanguage(page, 'zh-CN');
    await signInOnConsole(page, 'zh-CN', { phone: COMMUNITY_ADMIN.phone, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toContain(SERVER_CATALOGS['zh-CN'].errors.invalid_credentials.detail);
    await checkA11y(page, 'console-wrong-password-zh-CN');
    await shot(page, 'console-wrong-password-zh-CN');
  });
});
