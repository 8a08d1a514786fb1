import type { UiLang } from '@duodi/contracts';

/** Text with the language it is really in, so that a Chinese fallback inside Tibetan UI gets lang="zh-CN". */
export type LocalizedText = { text: string; lang: UiLang };

type Named = { name: string; nameBo?: string | null; nameEn?: string | null };

/** The name in the UI language, falling back to Chinese (the name every record has). */
export function localName(item: Named, language: UiLang): LocalizedText {
  if (language === 'bo' && item.nameBo) return { text: item.nameBo, lang: 'bo' };
  if (language === 'en' && item.nameEn) return { text: item.nameEn, lang: 'en' };
  return { text: item.name, lang: 'zh-CN' };
}

/** Picks the Tibetan variant of a text field when the UI is Tibetan, else the Chinese one. */
export function localText(zh: string | null | undefined, bo: string | null | undefined, language: UiLang): LocalizedText | null {
  if (language === 'bo' && bo) return { text: bo, lang: 'bo' };
  if (zh) return { text: zh, lang: 'zh-CN' };
  if (bo) return { text: bo, lang: 'bo' };
  return null;
}

/** The lang attribute to put on an element, or undefined when it matches the page already. */
export function langAttr(text: LocalizedText, language: UiLang): UiLang | undefined {
  return text.lang === language ? undefined : text.lang;
}

/** The language a free text (a person's name, a note) is written in, when its script says so: for `lang` attributes. */
export function scriptLang(text: string | null | undefined): UiLang | undefined {
  if (!text) return undefined;
  if (/[\u0F00-\u0FFF]/.test(text)) return 'bo';
  if (/[\u4E00-\u9FFF]/.test(text)) return 'zh-CN';
  return undefined;
}
