/**
 * The constraint named by a unique violation (SQLSTATE 23505), or undefined for any other error.
 * Drizzle wraps the driver's error in `cause`; both pg and PGlite carry `code` and `constraint`.
 */
export function uniqueViolation(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
  }
  return undefined;
}
