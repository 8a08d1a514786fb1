import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { setElderlyMode } from '../lib/elderly-mode';
import { initI18n } from '../lib/i18n';

// jsdom lacks the two browser APIs antd's layout and tables observe.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

beforeEach(async () => {
  localStorage.clear();
  await initI18n('zh-CN');
  setElderlyMode(false);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
