import { useRef } from 'react';
import { newIdempotencyKey } from './api/demands';

/**
 * The `Idempotency-Key` for a write: the same while the request stays the same (a retry after a
 * lost answer cannot order twice), a new one as soon as the user changes what they send.
 */
export function useIdempotencyKey(): (request: unknown) => string {
  const last = useRef<{ request: string; key: string } | null>(null);
  return (request) => {
    const text = JSON.stringify(request);
    if (last.current?.request !== text) last.current = { request: text, key: newIdempotencyKey() };
    return last.current.key;
  };
}
