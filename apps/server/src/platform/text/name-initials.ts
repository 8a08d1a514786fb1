import { pinyin } from 'pinyin-pro';

/**
 * Lower-case pinyin initials of the Han characters of a name (扎西次仁 → zxcr, 王建国 → wjg), so that
 * staff can find a volunteer by typing initials. Tibetan-script and Latin names give ''.
 */
export function nameInitialsOf(name: string): string {
  const han = Array.from(name).filter((ch) => /\p{Script=Han}/u.test(ch)).join('');
  if (!han) return '';
  const letters = pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
  return letters.join('').toLowerCase().replace(/[^a-z]/g, '');
}
