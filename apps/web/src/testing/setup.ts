import { cleanup, configure } from '@testing-library/react';
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

// Lazy routes and antd load on first use; under a busy parallel run that can take more than 1 s.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  localStorage.clear();
  await initI18n('zh-CN');
  setElderlyMode(false);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
