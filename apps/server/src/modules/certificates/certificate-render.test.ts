// Issue 5 Done-when: "A certificate PDF rendered to PNG (pdftoppm) shows correct Chinese and Tibetan text; its QR
// decodes to the verification URL". Issues a bilingual and a Tibetan certificate through the HTTP API on the test DB,
// downloads the PDFs, renders page 1 with poppler's `pdftoppm -png -r 150`, decodes the QR code from the pixels
// (jsQR) and checks it is PUBLIC_BASE_URL/verify/{number}; `pdffonts` must list an embedded CJK font and an embedded
// Tibetan font, `pdftotext` the number and the holder's Chinese name. The PNGs are kept in e2e/artifacts/ for a look
// (Tibetan stacks and vowel signs). poppler-utils is required (CI installs it): a missing binary fails the test.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateIssued } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { CertificateContent } from './certificate-content.js';

/** pngjs (already installed with qrcode; it ships no types): the one call used here. */
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(buffer: Buffer): PngImage } } };

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const PUBLIC_BASE_URL = 'https://zyfw.duodi.example.cn';
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const POPPLER = ['pdftoppm', 'pdffonts', 'pdftotext'] as const;

function whichMissing(): string[] {
  return POPPLER.filter((bin) => {
    try {
      execFileSync(bin, ['-v'], { stdio: 'ignore' });
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  });
}

let t: TestApp;
let work: string;
const tokens: Record<string, string> = {};
const savedBase = process.env.PUBLIC_BASE_URL;

beforeAll(async () => {
  process.env.PUBLIC_BASE_URL = PUBLIC_BASE_URL;
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN]) tokens[phone] = await t.login(phone);
  work = mkdtempSync(path.join(tmpdir(), 'duodi-cert-render-'));
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  if (savedBase === undefined) delete process.env.PUBLIC_BASE_URL;
  else process.env.PUBLIC_BASE_URL = savedBase;
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The volunteer with the most verified hours recorded by 桑伊社区 whose Tibetan name is known. */
async function sangyiVolunteer(): Promise<string> {
  const [row] = await queryRows<{ volunteer_id: string }>(
    t.db,
    sql`SELECT r.volunteer_id FROM service_records r
        WHERE r.status = 'verified' AND r.community_id = 'com_sy'
        GROUP BY r.volunteer_id ORDER BY sum(r.credited_minutes) DESC LIMIT 1`,
  );
  if (!row) throw new Error('the demo data has no verified records of 桑伊社区');
  return row.volunteer_id;
}

interface Rendered {
  number: string;
  content: CertificateContent;
  pdf: string;
  png: string;
}

/** Issues through POST /certificates, downloads the PDF, renders page 1 at 150 dpi and keeps the PNG as an artifact. */
async function issueAndRender(phone: string, volunteerId: string, language: 'bilingual' | 'bo' | 'zh'): Promise<Rendered> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/certificates',
    headers: bearer(tokens[phone]!),
    payload: { volunteerId, language },
  });
  expect(res.statusCode, res.body).toBe(201);
  const issued = res.json<CertificateIssued>();
  const [row] = await queryRows<{ content: CertificateContent }>(t.db, sql`SELECT content FROM certificates WHERE number = ${issued.number}`);
  const download = await t.app.inject({ method: 'GET', url: issued.pdfUrl, headers: bearer(tokens[phone]!) });
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toBe('application/pdf');
  const pdf = path.join(work, `${issued.number}.pdf`);
  writeFileSync(pdf, download.rawPayload);
  const prefix = path.join(work, `certificate-${language}`);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const png = `${prefix}.png`;
  expect(existsSync(png), `pdftoppm wrote ${png}`).toBe(true);
  copyFileSync(png, path.join(ARTIFACTS, `certificate-${language}.png`));
  copyFileSync(pdf, path.join(ARTIFACTS, `certificate-${language}.pdf`));
  return { number: issued.number, content: row!.content, pdf, png };
}

function decodeQr(png: string): string | null {
  const image = PNG.sync.read(readFileSync(png));
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** `pdffonts` rows: name, type, encoding, emb (yes/no), sub, uni, object id. */
function embeddedFonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // The last six columns are fixed (type may be two words: "CID Type 0C", so count from the end).
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

describe('a certificate PDF rendered by poppler (pdftoppm, pdffonts, pdftotext)', () => {
  it('poppler-utils is installed (CI installs it in .ci/run)', () => {
    expect(whichMissing(), 'install poppler-utils (apt-get install poppler-utils): pdftoppm, pdffonts and pdftotext are required').toEqual([]);
  });

  it('a bilingual certificate of 桑伊社区: embedded CJK and Tibetan fonts, the number and the Chinese name in the text, QR to /verify/{number}', async () => {
    expect(whichMissing(), 'poppler-utils missing').toEqual([]);
    const cert = await issueAndRender(SANGYI_ADMIN, await sangyiVolunteer(), 'bilingual');
    expect(cert.content.verifyUrl).toBe(`${PUBLIC_BASE_URL}/verify/${cert.number}`);

    const fonts = embeddedFonts(cert.pdf);
    expect(fonts.filter((f) => /NotoSans(Hans|CJK|SC)/i.test(f.name) && f.embedded), JSON.stringify(fonts)).not.toHaveLength(0);
    expect(fonts.filter((f) => /Tibetan/i.test(f.name) && f.embedded), JSON.stringify(fonts)).not.toHaveLength(0);
    expect(fonts.filter((f) => !f.embedded), 'every font is embedded').toEqual([]);

    const text = pdfText(cert.pdf);
    expect(text).toContain(cert.number);
    expect(/\p{Script=Han}/u.test(cert.content.holder.name), `holder name ${cert.content.holder.name} is Chinese`).toBe(true);
    expect(text).toContain(cert.content.holder.name);
    expect(text).toMatch(/\p{Script=Tibetan}/u);

    expect(decodeQr(cert.png)).toBe(`${PUBLIC_BASE_URL}/verify/${cert.number}`);
  }, 60_000);

  it('a Tibetan (bo) certificate issued by the street: Tibetan font embedded, number and Chinese name in the text, QR to /verify/{number}', async () => {
    expect(whichMissing(), 'poppler-utils missing').toEqual([]);
    const cert = await issueAndRender(STREET_ADMIN, await sangyiVolunteer(), 'bo');
    const fonts = embeddedFonts(cert.pdf);
    expect(fonts.filter((f) => /Tibetan/i.test(f.name) && f.embedded), JSON.stringify(fonts)).not.toHaveLength(0);
    // The holder's legal name is Chinese even on a Tibetan certificate, so the CJK font is there too.
    expect(fonts.filter((f) => /NotoSans(Hans|CJK|SC)/i.test(f.name) && f.embedded), JSON.stringify(fonts)).not.toHaveLength(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);

    const text = pdfText(cert.pdf);
    expect(text).toContain(cert.number);
    expect(text).toContain(cert.content.holder.name);
    expect(text).toMatch(/\p{Script=Tibetan}/u);

    expect(decodeQr(cert.png)).toBe(`${PUBLIC_BASE_URL}/verify/${cert.number}`);
  }, 60_000);
});
