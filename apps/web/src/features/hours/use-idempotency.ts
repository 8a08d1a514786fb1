import { useRef } from 'react';
import { newIdempotencyKey } from './api/hours';

/**
 * The `Idempotency-Key` for a value-moving write: the same while the request stays the same (a retry
 * after a lost answer cannot redeem twice), a new one as soon as the user changes what they send.
 */
export function useIdempotencyKey(): { keyFor: (request: unknown) => string; reset: () => void } {
  const last = useRef<{ request: string; key: string } | null>(null);
  return {
    keyFor: (request) => {
      const text = JSON.stringify(request);
      if (last.current?.request !== text) last.current = { request: text, key: newIdempotencyKey() };
      return last.current.key;
    },
    reset: () => {
      last.current = null;
    },
  };
}
