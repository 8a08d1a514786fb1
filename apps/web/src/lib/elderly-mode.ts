import { useSyncExternalStore } from 'react';
import { readStoredElderlyMode, storeElderlyMode } from './preferences';

/** Elderly mode (长辈版, DR-24): a class on <html> switches the CSS variables of styles/h5.css. */
export const ELDERLY_CLASS = 'elderly';

const listeners = new Set<() => void>();
let enabled = false;

export function isElderlyMode(): boolean {
  return enabled;
}

export function setElderlyMode(on: boolean): void {
  enabled = on;
  document.documentElement.classList.toggle(ELDERLY_CLASS, on);
  storeElderlyMode(on);
  for (const listener of listeners) listener();
}

/** Applies what this device remembered, before the first render. */
export function restoreElderlyMode(): void {
  setElderlyMode(readStoredElderlyMode());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useElderlyModeValue(): boolean {
  return useSyncExternalStore(subscribe, isElderlyMode, isElderlyMode);
}
