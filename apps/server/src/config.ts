import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Master secret for field encryption and blind indexes (DR-21). */
  dataKey: string;
  logLevel: string;
  /** Load the demo data into an empty database at start (default: embedded DB only). */
  demoData: boolean;
  webDist: string | undefined;
  sessionDays: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
}

/**
 * The data key comes from DATA_KEY. For the embedded database a key is generated once and kept
 * beside the data (DATA_DIR/secret.key, mode 600), so `npm start` needs no setup; a PostgreSQL
 * deployment must pass DATA_KEY, because losing it makes the encrypted columns unreadable.
 */
function resolveDataKey(env: NodeJS.ProcessEnv, dataDir: string, usesServer: boolean): string {
  if (env.DATA_KEY) return env.DATA_KEY;
  if (usesServer) throw new Error('DATA_KEY must be set when DATABASE_URL is used (the key that encrypts personal data).');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    dataKey: resolveDataKey(env, dataDir, Boolean(databaseUrl)),
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: env.DEMO_DATA ? env.DEMO_DATA === '1' || env.DEMO_DATA === 'true' : !databaseUrl,
    webDist: env.WEB_DIST,
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    secureCookies: env.SECURE_COOKIES === '1',
    bodyLimitBytes: 1024 * 1024,
  };
}
