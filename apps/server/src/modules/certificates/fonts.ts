import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff.js';

/**
 * The certificate fonts come from npm packages, so a fresh machine without Debian fonts renders
 * Chinese and Tibetan the same way:
 * - Chinese and Latin: Noto Sans CJK SC ("Noto Sans Hans", OTF/CFF, OFL-1.1) from `@embedpdf/fonts-sc`;
 * - Tibetan: Noto Serif Tibetan (WOFF of the Tibetan subset, OFL-1.1) from `@fontsource/noto-serif-tibetan`;
 *   fontkit reads WOFF, shapes the stacks with the font's GSUB/GPOS, pdfkit embeds a subset.
 * The fontkit fonts are created once per process and handed to every document: the first layout
 * of a Tibetan string parses the font's large GSUB table (~1 s), later ones reuse it (ms).
 */
const require = createRequire(import.meta.url);

export interface CertificateFonts {
  cjk: fontkit.Font;
  tibetan: fontkit.Font;
}

let cached: CertificateFonts | undefined;

export function certificateFonts(): CertificateFonts {
  if (cached) return cached;
  const scDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const tibetan = require.resolve('@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-400-normal.woff');
  cached = {
    cjk: fontkit.create(fs.readFileSync(path.join(scDir, 'NotoSansHans-Regular.otf'))),
    tibetan: fontkit.create(woffToSfnt(fs.readFileSync(tibetan))),
  };
  return cached;
}
