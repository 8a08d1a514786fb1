// Start-up, memory and HTTP latency of the built server on loopback, with the demo data.
// Run: npm run build && npx tsx bench/startup-and-load.ts   (results go into bench/README.md by hand)
// BENCH_NODE_FLAGS="…" passes Node flags to the server (default: "--max-semi-space-size=8", as `npm start` runs it;
// BENCH_NODE_FLAGS="" runs it without).
// Bounded: fixed request counts, 127.0.0.1 only, stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const main = path.join(root, 'apps/server/dist/main.js');
if (!fs.existsSync(main)) throw new Error('build first: npm run build');
const port = 3700 + Math.floor(Math.random() * 200);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-bench-'));
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=8').split(' ').filter(Boolean);
const loadAtStart = os.loadavg()[0]!;

const rssMb = (pid: number) => {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
};

/** RSS of the server and its child processes (the demo-load worker while it runs), in MB. */
function treeRssMb(pid: number): number {
  let sum = 0;
  for (const d of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(d) === pid || Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) sum += rssMb(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  return sum;
}

/** Starts the server and waits for /healthz; `peakMb` is the highest RSS of the server plus its children seen meanwhile. */
async function start(): Promise<{ proc: ChildProcess; ms: number; peakMb: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...nodeFlags, main], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let peakMb = 0;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { proc, ms: performance.now() - t0, peakMb };
    } catch {
      /* starting */
    }
    if (proc.exitCode !== null) throw new Error('server exited');
    peakMb = Math.max(peakMb, treeRssMb(proc.pid!));
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function load(label: string, url: string, headers: Record<string, string>, total: number, concurrency: number) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const s = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${label}: ${res.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  return `| ${label} | ${total} | ${concurrency} | ${Math.round(total / secs)} | ${pct(0.5)} | ${pct(0.95)} | ${pct(0.99)} |`;
}

const settle = () => new Promise((r) => setTimeout(r, 15_000));
const cold = await start();
const coldRss = rssMb(cold.proc.pid!);
await settle();
const coldSettled = rssMb(cold.proc.pid!);
const login = (await (
  await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '13900000001', password: 'demo1345' }),
  })
).json()) as { token: string };
const auth = { authorization: `Bearer ${login.token}` };
const rows = [
  await load('GET /healthz', `${base}/healthz`, {}, 2000, 16),
  await load('GET /api/v1/stats/overview', `${base}/api/v1/stats/overview`, {}, 500, 8),
  await load('GET /api/v1/communities', `${base}/api/v1/communities`, {}, 500, 8),
  await load('GET /api/v1/volunteers?limit=20 (signed in)', `${base}/api/v1/volunteers?limit=20`, auth, 1000, 8),
  await load('GET /api/v1/residents?limit=50 (street admin)', `${base}/api/v1/residents?limit=50`, auth, 500, 8),
];
await settle();
const loadedRss = rssMb(cold.proc.pid!);
cold.proc.kill('SIGTERM');
await new Promise((r) => cold.proc.once('exit', r));
const warm = await start();
const warmRss = rssMb(warm.proc.pid!);
await settle();
const warmSettled = rssMb(warm.proc.pid!);
warm.proc.kill('SIGTERM');
await new Promise((r) => warm.proc.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(
  `node ${process.version}${nodeFlags.length ? ` ${nodeFlags.join(' ')}` : ''}, ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${new Date().toISOString()}`,
);
console.log(
  `first start (empty DATA_DIR: create PGlite, migrate, demo data, listen): ${(cold.ms / 1000).toFixed(1)} s, RSS ${coldRss} MB when ready, ${coldSettled} MB 15 s later`,
);
console.log(
  `peak RSS of the server plus its demo-load worker process during the first start: ${cold.peakMb} MB (restart: ${warm.peakMb} MB)`,
);
console.log(`restart on the same DATA_DIR: ${(warm.ms / 1000).toFixed(1)} s, RSS ${warmRss} MB when ready, ${warmSettled} MB 15 s later`);
console.log(`RSS 15 s after the load below: ${loadedRss} MB`);
console.log('| endpoint | requests | concurrency | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
