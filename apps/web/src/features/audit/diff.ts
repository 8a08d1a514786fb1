/** One key of a change: its value before and after, and whether it changed. */
export type DiffLine = { key: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two values are the same change-wise when these match. */
function stable(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (!isRecord(value)) return Array.isArray(value) ? `[${value.map(stable).join(',')}]` : JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
    .join(',')}}`;
}

/**
 * Old and new audit values side by side, key by key (the old value's keys first, then keys only the
 * new one has). A value that is not an object (a balance, a list) is one line with the empty key.
 */
export function diffValues(before: unknown, after: unknown): DiffLine[] {
  const none = (v: unknown) => v === null || v === undefined;
  if (none(before) && none(after)) return [];
  if ((isRecord(before) || none(before)) && (isRecord(after) || none(after))) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    return keys.map((key) => ({ key, before: b[key], after: a[key], changed: stable(b[key]) !== stable(a[key]) }));
  }
  return [{ key: '', before, after, changed: stable(before) !== stable(after) }];
}

/** A value as staff read it: text as it is, lists joined, objects as compact JSON, nothing as “—”. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.length ? value.map(formatValue).join(', ') : '[]';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
