import type { LoggerOptions } from 'pino';

/** Query parameters whose values are personal data and never reach a log line. */
const SECRET_PARAMS = /^(phone|q|idNumber|token|password|name)$/i;

export function scrubUrl(url: string): string {
  const [pathPart = '', query] = url.split('?');
  const cleanPath = pathPart.replace(/\d{7,}/g, (m) => `${m.slice(0, 2)}…`);
  if (!query) return cleanPath;
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_PARAMS.test(key)) params.set(key, '[redacted]');
  return `${cleanPath}?${params.toString()}`;
}

/**
 * pino options: request logs carry method, scrubbed URL and status only; headers (cookies,
 * Authorization), bodies, phone and ID numbers never reach the log.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['password', 'phone', 'idNumber', 'token', '*.password', '*.phone', '*.idNumber', '*.token', 'req.headers', 'headers'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({ id: req.id, method: req.method, url: scrubUrl(req.url ?? '') }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
