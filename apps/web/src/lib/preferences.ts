import { UI_LANGS, type UiLang } from '@duodi/contracts';

const LANGUAGE_KEY = 'duodi.language';
const ELDERLY_KEY = 'duodi.elderlyMode';
export const DEFAULT_LANGUAGE: UiLang = 'zh-CN';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // private mode or blocked storage: preferences then last for the page only
  }
}

export function isUiLang(value: unknown): value is UiLang {
  return typeof value === 'string' && (UI_LANGS as readonly string[]).includes(value);
}

export function readStoredLanguage(): UiLang {
  const stored = storage()?.getItem(LANGUAGE_KEY);
  return isUiLang(stored) ? stored : DEFAULT_LANGUAGE;
}

export function storeLanguage(language: UiLang): void {
  storage()?.setItem(LANGUAGE_KEY, language);
}

export function readStoredElderlyMode(): boolean {
  return storage()?.getItem(ELDERLY_KEY) === 'true';
}

export function storeElderlyMode(on: boolean): void {
  storage()?.setItem(ELDERLY_KEY, String(on));
}
