import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CATALOGS } from '../../platform/i18n/index.js';
import { hoursText, type CertificateContent } from './certificate-content.js';
import { certificateFonts } from './fonts.js';

type Labels = (typeof CATALOGS)['zh-CN']['certificates']['pdf'];
type Doc = InstanceType<typeof PDFDocument>;

const RED = '#c8102e';
const INK = '#1f1f1f';
const GREY = '#666666';
const TIBETAN = /[\u0F00-\u0FFF]/;

/** Splits text into runs of Tibetan and everything else, each drawn with its own font. */
export function scriptRuns(text: string): { font: 'bo' | 'cjk'; text: string }[] {
  const runs: { font: 'bo' | 'cjk'; text: string }[] = [];
  for (const ch of text) {
    // Spaces and the zero-width joiners stay with the run they are in.
    const font: 'bo' | 'cjk' = TIBETAN.test(ch) ? 'bo' : /[\s\u200c\u200d]/.test(ch) && runs.length ? runs[runs.length - 1]!.font : 'cjk';
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** Draws mixed Chinese/Latin/Tibetan text at (x, y) within `width`. Returns the y below it. */
function mixed(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  opts: { width: number; size: number; color?: string; align?: 'left' | 'center' | 'right' },
): number {
  const runs = scriptRuns(text);
  doc.fillColor(opts.color ?? INK).fontSize(opts.size);
  runs.forEach((run, i) => {
    doc.font(run.font);
    const o = { width: opts.width, align: opts.align ?? 'left', continued: i < runs.length - 1, lineGap: 0 };
    if (i === 0) doc.text(run.text, x, y, o);
    else doc.text(run.text, o);
  });
  return doc.y;
}

/** A round red seal (公章 image) drawn as vectors: rings, a star, the issuer's name on the arc and, for Tibetan, across (seals are bilingual). */
function drawSeal(doc: Doc, cx: number, cy: number, r: number, name: string, caption: string, nameBo: string | null = null): void {
  doc.save();
  doc.opacity(0.85);
  doc.lineWidth(3).strokeColor(RED).circle(cx, cy, r).stroke();
  doc
    .lineWidth(0.8)
    .circle(cx, cy, r - 5)
    .stroke();
  const star: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r * 0.26 : r * 0.1;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    star.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  doc.polygon(...star).fill(RED);
  const chars = Array.from(name);
  const size = Math.min(13, r * 0.24);
  const span = Math.min(Math.PI * 1.4, chars.length * 0.34);
  doc.font('cjk').fontSize(size).fillColor(RED);
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1));
    const px = cx + (r - size * 0.5 - 9) * Math.cos(a);
    const py = cy + (r - size * 0.5 - 9) * Math.sin(a);
    doc.save();
    doc.rotate(((a + Math.PI / 2) * 180) / Math.PI, { origin: [px, py] });
    // The line box is taller than the glyph: shift so the glyph's middle sits on the arc.
    doc.text(ch, px - size / 2, py - size * 0.72, { lineBreak: false });
    doc.restore();
  });
  let captionY = cy + r * 0.35;
  if (nameBo) {
    // Tibetan keeps its stacks only when shaped as a whole line, so it goes across, not round the arc.
    const width = r * 1.5;
    const size = [6.5, 5.5, 4.5].find((sz) => doc.font('bo').fontSize(sz).widthOfString(nameBo) <= width);
    if (size) {
      mixed(doc, nameBo, cx - width / 2, cy + r * 0.28, { width, size, color: RED, align: 'center' });
      captionY = cy + r * 0.5;
    }
  }
  mixed(doc, caption, cx - r, captionY, { width: 2 * r, size: 8, color: RED, align: 'center' });
  doc.restore();
}

/** The QR code to the public verification page, as vector squares (no image decoding). */
function drawQr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

type PdfLang = 'zh-CN' | 'bo';

/** The languages a certificate prints: zh, bo, or both (zh first). */
const langsOf = (lang: CertificateContent['language']): PdfLang[] => (lang === 'zh' ? ['zh-CN'] : lang === 'bo' ? ['bo'] : ['zh-CN', 'bo']);

/** One label in each printed language, one line each (scripts are never mixed on a line). */
const labelLines = (lang: CertificateContent['language'], key: keyof Omit<Labels, 'idTypes'>): string[] =>
  langsOf(lang).map((l) => CATALOGS[l].certificates.pdf[key]);

/** Draws lines top-down, each in its own script's font; returns the y below the last. */
function lines(
  doc: Doc,
  texts: string[],
  x: number,
  y: number,
  opts: { width: number; size: number; color?: string; align?: 'left' | 'center' | 'right' },
): number {
  let at = y;
  texts.forEach((t, i) => {
    at = mixed(doc, t, x, at, { ...opts, size: i === 0 ? opts.size : opts.size - 1 });
  });
  return at;
}

/**
 * Renders the certificate (A4) from its issued content: §9 fields, statement, seal, QR to the
 * verification page, number and SHA-256 content hash. The PDF's Subject is the number and its
 * Keywords carry the hash, so both can be checked without OCR. Revoked certificates get a red mark.
 */
export async function renderCertificatePdf(
  content: CertificateContent,
  hash: string,
  opts: { revokedAt?: string | null } = {},
): Promise<Buffer> {
  const fonts = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 10, left: 56, right: 56 },
    info: {
      Title: `${CATALOGS['zh-CN'].certificates.pdf.title} ${content.number}`,
      Subject: content.number,
      Keywords: `sha256:${hash}`,
      Author: content.issuer.name,
      Creator: 'duodi volunteer platform',
      CreationDate: new Date(`${content.issueDate}T00:00:00+08:00`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a ready fontkit font as well as bytes (PDFFontFactory.open); its types only name bytes.
  doc.registerFont('cjk', fonts.cjk as unknown as Buffer);
  doc.registerFont('bo', fonts.tibetan as unknown as Buffer);
  const lang = content.language;
  const langs = langsOf(lang);
  const main: PdfLang = langs[0]!;
  const P = (l: PdfLang) => CATALOGS[l].certificates.pdf;
  const W = doc.page.width;
  const H = doc.page.height;
  const left = 64;
  const width = W - 2 * left;

  // Border and title.
  doc
    .lineWidth(2)
    .strokeColor(RED)
    .rect(30, 30, W - 60, H - 60)
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(36, 36, W - 72, H - 72)
    .stroke();
  let y = 56;
  for (const l of langs) y = mixed(doc, P(l).title, left, y, { width, size: l === main ? 22 : 15, align: 'center' }) + 2;
  y += 8;

  const periodIn = (l: PdfLang) =>
    content.period.from || content.period.to ? `${content.period.from ?? '—'} ${P(l).until} ${content.period.to ?? '—'}` : P(l).all;
  const both = (zh: string, bo: string | null) => (lang === 'zh' || !bo ? [zh] : lang === 'bo' ? [bo, zh] : [zh, bo]);
  const idType = content.holder.idType;
  const rows: [string[], string[]][] = [
    [labelLines(lang, 'number'), [content.number]],
    [labelLines(lang, 'name'), both(content.holder.name, content.holder.nameBo)],
    [labelLines(lang, 'idType'), idType ? langs.map((l) => P(l).idTypes[idType]) : ['—']],
    [labelLines(lang, 'idNumber'), [content.holder.idNumberMasked ?? '—']],
    [labelLines(lang, 'volunteerNo'), [content.holder.volunteerNo]],
    [labelLines(lang, 'period'), langs.length > 1 && !(content.period.from || content.period.to) ? langs.map(periodIn) : [periodIn(main)]],
    [labelLines(lang, 'hours'), [hoursText(content.verifiedMinutes)]],
    [labelLines(lang, 'content'), [content.serviceContent.length ? content.serviceContent.join('、') : '—']],
    [labelLines(lang, 'star'), [content.star > 0 ? '★'.repeat(content.star) : '—']],
    [labelLines(lang, 'issuer'), both(content.issuer.name, content.issuer.nameBo)],
    [labelLines(lang, 'creditCode'), [content.issuer.creditCode]],
    [labelLines(lang, 'responsible'), [content.issuer.responsiblePerson]],
    [labelLines(lang, 'handler'), [content.issuer.handler]],
    [labelLines(lang, 'contact'), [content.issuer.contact]],
    [labelLines(lang, 'issueDate'), [content.issueDate]],
    [labelLines(lang, 'notes'), [content.notes ?? P(main).none]],
  ];
  const labelWidth = lang === 'bilingual' ? 230 : 130;
  doc.lineWidth(0.5).strokeColor('#bbbbbb');
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  for (const [label, value] of rows) {
    const top = y + 3;
    const afterLabel =
      label.length > 1
        ? Math.max(
            mixed(doc, label[0]!, left, top, { width: 84, size: 9.5, color: GREY }),
            mixed(doc, label[1]!, left + 84, top, { width: labelWidth - 92, size: 8, color: GREY }),
          )
        : mixed(doc, label[0]!, left, top, { width: labelWidth - 8, size: 9.5, color: GREY });
    const afterValue = lines(doc, value, left + labelWidth, top, { width: width - labelWidth, size: 10 });
    y = Math.max(afterLabel, afterValue) + 1;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
  }

  y += 8;
  for (const l of langs) y = mixed(doc, P(l).statement, left, y, { width, size: l === 'bo' ? 9.5 : 10.5 }) + 2;

  // Bottom: QR and hash on the left, the seal over the issuer name and date on the right.
  const qrSize = 100;
  const qrTop = Math.max(y + 10, H - 64 - qrSize);
  drawQr(doc, content.verifyUrl, left, qrTop, qrSize);
  const tx = left + qrSize + 8;
  let ty = lines(doc, labelLines(lang, 'verify'), tx, qrTop + 4, { width: 190, size: 8.5, color: GREY });
  ty = mixed(doc, content.verifyUrl, tx, ty + 1, { width: 190, size: 7.5, color: GREY });
  ty = lines(doc, labelLines(lang, 'hash'), tx, ty + 4, { width: 190, size: 8, color: GREY });
  mixed(doc, hash, tx, ty + 1, { width: 170, size: 6.5, color: GREY });

  const sealR = 54;
  const sealX = left + width - sealR - 6;
  const sealY = qrTop + qrSize / 2;
  mixed(doc, content.issuer.name, sealX - 150, sealY - 12, { width: 200, size: 11, align: 'right' });
  mixed(doc, content.issueDate, sealX - 150, sealY + 8, { width: 200, size: 11, align: 'right' });
  drawSeal(doc, sealX, sealY, sealR, content.issuer.name, P(main).seal, lang === 'zh' ? null : content.issuer.nameBo);

  if (opts.revokedAt) {
    doc.save();
    doc.rotate(-25, { origin: [W / 2, H / 2] });
    doc.opacity(0.35);
    mixed(doc, `${P(main).revoked} ${CATALOGS.en.certificates.pdf.revoked.toUpperCase()} ${opts.revokedAt.slice(0, 10)}`, 0, H / 2 - 30, {
      width: W,
      size: 40,
      color: RED,
      align: 'center',
    });
    doc.restore();
  }
  doc.end();
  return done;
}
