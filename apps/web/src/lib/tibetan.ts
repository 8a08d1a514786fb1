const TSHEG = '\u0F0B';

/**
 * Breaks Tibetan text into lines of a few syllables, only after a tsheg (DR-25: never inside a
 * syllable). For canvas labels, where the browser's own line breaking does not apply. Text without
 * a tsheg (Chinese, English) comes back unchanged.
 */
export function breakAfterTsheg(text: string, syllablesPerLine = 2): string {
  if (!text.includes(TSHEG)) return text;
  const syllables = text.split(/(?<=\u0F0B)/);
  const lines: string[] = [];
  for (let i = 0; i < syllables.length; i += syllablesPerLine) lines.push(syllables.slice(i, i + syllablesPerLine).join(''));
  return lines.join('\n');
}
