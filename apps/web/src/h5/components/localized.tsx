import type { LocalizedText } from '../../lib/localize';
import { currentLanguage } from '../../lib/i18n';
import { langAttr } from '../../lib/localize';

/** Renders data text with a lang attribute when it is not in the UI language (e.g. a Chinese fallback). */
export function Localized({ value, as: Tag = 'span', className }: { value: LocalizedText; as?: 'span' | 'p' | 'h1' | 'h2' | 'div'; className?: string }) {
  return (
    <Tag lang={langAttr(value, currentLanguage())} className={className}>
      {value.text}
    </Tag>
  );
}
