import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Kills the real server process (PGlite in DATA_DIR) in the middle of writes, restarts it on the
// same directory and checks the data: the embedded database must survive a crash and a restart.
const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-crash-'));
const port = 3900 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | undefined;

function startServer(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: '1', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d) => (output += String(d)));
  proc.stderr!.on('data', (d) => (output += String(d)));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 170_000;
    const poll = async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return reject(new Error(`server exited ${proc.exitCode}: ${output}`));
      try {
        const res = await fetch(`${base}/healthz`);
        if (res.ok) return resolve(proc);
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) return reject(new Error(`server did not start: ${output}`));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

/** Resolves with the exit code (null when killed by a signal), also when the process has already exited. */
const waitExit = (proc: ChildProcess) =>
  proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve(proc.exitCode) : new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));

const login = async (phone: string) => {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: 'demo1345' }) });
  return (await res.json()) as { token: string };
};

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded database durability', () => {
  it('keeps every acknowledged write when the server is killed mid-write, and restarts on the same directory', { timeout: 400_000 }, async () => {
    child = await startServer();
    // Each sign-in writes a session row; remember every token the server acknowledged.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        try {
          acknowledged.push((await login('13900000006')).token);
        } catch {
          return;
        }
      }
    })();
    // Kill mid-write once a few writes were acknowledged (a loaded machine signs in slowly: wait for them, not for a fixed time).
    const until = Date.now() + 120_000;
    while (acknowledged.length < 6 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGKILL');
    stop = true;
    await writer;
    await waitExit(child);
    expect(acknowledged.length).toBeGreaterThan(3);

    child = await startServer();
    const overview = (await (await fetch(`${base}/api/v1/stats/overview`)).json()) as { volunteers: number; communities: number };
    expect(overview).toMatchObject({ volunteers: 1345, communities: 6 });
    for (const token of acknowledged) {
      const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, 'an acknowledged session was lost').toBe(200);
    }

    // A graceful stop releases the lock and leaves the directory clean.
    child.kill('SIGTERM');
    const code = await waitExit(child);
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
    child = undefined;
  });
});
