import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { isApiError } from '../../lib/api-client';
import type { CheckAction, CheckBody } from './types';
import { sendCheck, type CheckResult } from './api/check-in';

/**
 * Check-ins made without a connection (issue 6): the scan is kept on the device with its signed token (or code,
 * or position) and the device time, and sent with `at` when the phone is back online or the app next starts.
 * The server accepts it only if the token was valid at that time.
 */
export type QueuedCheck = {
  id: string;
  activityId: string;
  activityTitle?: string;
  action: CheckAction;
  token?: string;
  code?: string;
  lat?: number;
  lng?: number;
  /** Device time of the scan, ISO 8601. */
  at: string;
};

export type QueueOutcome =
  | { id: string; activityId: string; activityTitle?: string; action: CheckAction; at: string; ok: true; result: CheckResult }
  | { id: string; activityId: string; activityTitle?: string; action: CheckAction; at: string; ok: false; message: string; code: string };

export const QUEUE_KEY = 'duodi.checkInQueue';
export const OUTCOMES_KEY = 'duodi.checkInQueueOutcomes';

function read<T>(key: string): T[] {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function write<T>(key: string, items: T[]): void {
  window.localStorage.setItem(key, JSON.stringify(items));
  notify();
}

export function queuedChecks(): QueuedCheck[] {
  return read<QueuedCheck>(QUEUE_KEY);
}

export function queueOutcomes(): QueueOutcome[] {
  return read<QueueOutcome>(OUTCOMES_KEY);
}

/** True when a failed call means "no connection" rather than an answer from the server. */
export function isOfflineFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  return isApiError(error) && error.code === 'network_error';
}

export function enqueueCheck(entry: Omit<QueuedCheck, 'id' | 'at'> & { at?: string }): QueuedCheck {
  const item: QueuedCheck = {
    ...entry,
    id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    at: entry.at ?? new Date().toISOString(),
  };
  write(QUEUE_KEY, [...queuedChecks(), item]);
  return item;
}

export function clearOutcome(id: string): void {
  write(
    OUTCOMES_KEY,
    queueOutcomes().filter((o) => o.id !== id),
  );
}

let flushing: Promise<QueueOutcome[]> | null = null;

/**
 * Sends every queued check in order with its `at`. One that still fails for lack of a connection stays queued
 * (and stops the run); one the server answers, yes or no, leaves the queue and becomes an outcome to show.
 */
export function flushQueue(describeError: (error: unknown) => string): Promise<QueueOutcome[]> {
  if (flushing) return flushing;
  flushing = (async () => {
    const done: QueueOutcome[] = [];
    for (const item of queuedChecks()) {
      const body: CheckBody = { at: item.at };
      if (item.token) body.token = item.token;
      if (item.code) body.code = item.code;
      if (item.lat !== undefined && item.lng !== undefined) {
        body.lat = item.lat;
        body.lng = item.lng;
      }
      const base = { id: item.id, activityId: item.activityId, activityTitle: item.activityTitle, action: item.action, at: item.at };
      try {
        const result = await sendCheck(item.activityId, item.action, body);
        done.push({ ...base, ok: true, result });
      } catch (error) {
        if (isOfflineFailure(error)) break;
        done.push({ ...base, ok: false, message: describeError(error), code: isApiError(error) ? error.code : 'unknown' });
      }
      write(
        QUEUE_KEY,
        queuedChecks().filter((q) => q.id !== item.id),
      );
    }
    if (done.length > 0) write(OUTCOMES_KEY, [...queueOutcomes(), ...done]);
    return done;
  })().finally(() => {
    flushing = null;
    notify();
  });
  notify();
  return flushing;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === QUEUE_KEY || event.key === OUTCOMES_KEY) {
      version += 1;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The queue and its outcomes, kept in sync with localStorage; sends the queue on mount (the next app start)
 * and on every `online` event.
 */
export function useCheckQueue(describeError: (error: unknown) => string, { onSent }: { onSent?: () => void } = {}) {
  useSyncExternalStore(subscribe, () => version);
  const flush = useCallback(async () => {
    if (queuedChecks().length === 0) return;
    const done = await flushQueue(describeError);
    if (done.length > 0) onSent?.();
  }, [describeError, onSent]);

  useEffect(() => {
    void flush();
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [flush]);

  return { queued: queuedChecks(), outcomes: queueOutcomes(), sending: flushing !== null, flush };
}
