// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyLanguage, currentLanguage, i18n, initI18n } from '../i18n';
import { readStoredLanguage } from '../preferences';

describe(applyLanguage.name, () => {
  it('lets the latest choice win when an earlier language is still loading', async () => {
    await initI18n('zh-CN');
    await applyLanguage('en'); // English is now loaded; Tibetan is not
    await applyLanguage('zh-CN');
    expect(i18n.hasResourceBundle('bo', 'translation')).toBe(false);

    // An account's saved Tibetan starts loading at sign-in; the user taps English before it arrives.
    const late = applyLanguage('bo');
    const tapped = applyLanguage('en');
    await Promise.all([late, tapped]);

    expect(currentLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(readStoredLanguage()).toBe('en');
  });

  it('switches <html lang>, the catalog and the remembered language together', async () => {
    await initI18n('zh-CN');
    await applyLanguage('bo');
    expect(document.documentElement.lang).toBe('bo');
    expect(i18n.t('lang.options.bo')).toBe('བོད་ཡིག');
    expect(readStoredLanguage()).toBe('bo');
  });
});
