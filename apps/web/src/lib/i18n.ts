import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLang } from '@duodi/contracts';
import zhCN from '../locales/zh-CN.json';
import { setApiLanguage } from './api-client';
import { DEFAULT_LANGUAGE, isUiLang, storeLanguage } from './preferences';

export type Catalog = typeof zhCN;

/** Chinese ships in the first bundle; Tibetan and English load on demand (each is its own small chunk). */
const loaders: Record<Exclude<UiLang, 'zh-CN'>, () => Promise<{ default: Catalog }>> = {
  bo: () => import('../locales/bo.json'),
  en: () => import('../locales/en.json'),
};

async function ensureCatalog(language: UiLang): Promise<void> {
  if (language === 'zh-CN' || i18n.hasResourceBundle(language, 'translation')) return;
  const catalog = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', catalog.default, true, true);
}

export function currentLanguage(): UiLang {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isUiLang(language) ? language : DEFAULT_LANGUAGE;
}

/** Sets up i18next in the given language; every API call then carries it as Accept-Language. */
export async function initI18n(language: UiLang): Promise<typeof i18n> {
  setApiLanguage(currentLanguage);
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined' && isUiLang(lng)) document.documentElement.lang = lng;
    });
    await i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN } },
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ['zh-CN', 'bo', 'en'],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  }
  await applyLanguage(language);
  return i18n;
}

let latestRequest = 0;

/**
 * Switches the UI language, `<html lang>` and what this device remembers. The latest call wins: when the
 * saved language of an account that just signed in is still loading and the user taps another language,
 * the late catalog does not switch the screen back.
 */
export async function applyLanguage(language: UiLang): Promise<void> {
  const request = ++latestRequest;
  await ensureCatalog(language);
  if (request !== latestRequest) return;
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  storeLanguage(language);
}

export { i18n };
