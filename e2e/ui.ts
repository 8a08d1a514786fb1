// Helpers every end-to-end spec shares: catalog strings of the web app, the language switch, sign-in on both
// surfaces, and a small bearer-token API client for setting up and checking a journey.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import bo from '../apps/web/src/locales/bo.json';
import en from '../apps/web/src/locales/en.json';
import zh from '../apps/web/src/locales/zh-CN.json';

export type Lang = 'zh-CN' | 'bo' | 'en';
export type Account = { phone: string; password: string };

const CATALOGS = { 'zh-CN': zh, bo, en } as const;

/** A UI string of the web app's catalog with its {{variables}} filled in. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[lang]);
  if (typeof value !== 'string') throw new Error(`no string ${key} in the ${lang} catalog`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches an accessible name whatever spacing the UI kit adds (antd writes two-character buttons as "发 布"). */
export function loose(text: string): RegExp {
  const chars = [...text.replace(/\s+/g, '')].map((c) => escape(c));
  return new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`);
}

/** The same, as a part of a longer name. */
export function looseIn(text: string): RegExp {
  const chars = [...text.replace(/\s+/g, '')].map((c) => escape(c));
  return new RegExp(chars.join('\\s*'));
}

/** The longest fixed part of a catalog string (between its {{variables}}): enough to find the sentence on the page. */
export function fixedPart(lang: Lang, key: string): RegExp {
  const parts = t(lang, key)
    .split(/\{\{\w+\}\}/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length);
  return new RegExp(escape(parts[0]!));
}

export function anyLanguage(key: string): RegExp {
  return new RegExp((['zh-CN', 'bo', 'en'] as const).map((lang) => loose(t(lang, key)).source).join('|'));
}

/**
 * Picks a language with the app's own switch (each option is named in its own language and script) and waits
 * until `<html lang>` shows it. Taps again while it does not: a language the app was already switching to
 * (an account's saved language loading at sign-in) must not win over the tap.
 */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const option = page.getByRole('button', { name: loose(t(lang, `lang.options.${lang}`)) }).first();
  await option.waitFor();
  await expect
    .poll(
      async () => {
        const shown = await page.evaluate(() => document.documentElement.lang);
        if (shown !== lang) await option.click();
        return shown;
      },
      { timeout: 15_000, interval: 400 },
    )
    .toBe(lang);
}

/**
 * After a sign-in the account's saved language replaces the one chosen on the sign-in page; waits until the
 * page shows it, so that a following chooseLanguage cannot be overtaken by it.
 */
export async function waitForAccountLanguage(page: Page): Promise<void> {
  const response = await page.request.get('/api/v1/me');
  if (!response.ok()) throw new Error(`GET /api/v1/me after sign-in: ${response.status()}`);
  const { language } = (await response.json()) as { language: Lang };
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe(language);
}

export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Signs in on the H5 and lands on `next`, in `lang` (the language saved on the server wins at sign-in, so choose again). */
export async function signInH5(page: Page, lang: Lang, account: Account, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await chooseLanguage(page, lang);
  await page.getByRole('heading', { level: 1, name: loose(t(lang, 'auth.title')) }).waitFor();
  await page.getByLabel(t(lang, 'auth.phone'), { exact: true }).fill(account.phone);
  await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: loose(t(lang, 'auth.submit')) }).click();
  await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 15_000 }).toBe(next.split('?')[0]);
  await waitForAccountLanguage(page);
  await chooseLanguage(page, lang);
}

/** Signs in on the console (`/admin/login?next=…`) and lands on `/admin{next}`, in `lang`. */
export async function signInConsole(page: Page, lang: Lang, account: Account, next: string): Promise<void> {
  await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
  await chooseLanguage(page, lang);
  await page.getByLabel(t(lang, 'auth.phone'), { exact: true }).fill(account.phone);
  await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: loose(t(lang, 'auth.submit')) }).click();
  await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 15_000 }).toBe(`/admin${next}`);
  await waitForAccountLanguage(page);
  await chooseLanguage(page, lang);
}

/** A bearer-token client of the running server (for facts of the demo data and the final history check). */
export function apiClient(baseUrl: string) {
  async function login(account: Account): Promise<{ token: string; userId: string }> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (!response.ok) throw new Error(`login ${account.phone}: ${response.status}`);
    const body = (await response.json()) as { token: string; user: { id: string } };
    return { token: body.token, userId: body.user.id };
  }
  async function get<T>(token: string | null, path: string): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return { login, get };
}

/** The last characters of an id as the console's cards show them (单号; features/dispatch/format.ts). */
export const shortId = (id: string) => id.slice(-6).toUpperCase();
