/** Display masks of DOMAIN.md §7.2, shared so that server lists and web forms agree. */

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 540102199001011234 → 5401**********1234 (region kept, birth date never shown). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return `${id.slice(0, 1)}${'*'.repeat(Math.max(0, id.length - 1))}`;
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * Public name mask: keep the first character (Han) or the first syllable (Tibetan, up to the
 * first tsheg), star the rest. Tibetan names have no surname, so the first syllable is all we keep.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const tsheg = name.indexOf('\u0F0B');
  if (/[\u0F00-\u0FFF]/.test(name) && tsheg > 0) return `${name.slice(0, tsheg + 1)}*`;
  if (chars.length === 1) return `${chars[0]}*`;
  const first = chars[0] ?? '';
  return first + '*'.repeat(Math.min(chars.length - 1, 3));
}
