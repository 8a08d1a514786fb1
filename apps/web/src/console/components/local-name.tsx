import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';

/** A person's or place's name in the UI language, marked lang="zh-CN" when it falls back to Chinese. */
export function LocalName({ item }: { item: { name: string; nameBo?: string | null; nameEn?: string | null } }) {
  const language = currentLanguage();
  const name = localName(item, language);
  return <span lang={langAttr(name, language)}>{name.text}</span>;
}
