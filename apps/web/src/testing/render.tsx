import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { ConsoleApp } from '../console/app';
import { H5App } from '../h5/app';

function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Renders the H5 at `path`, with a fresh cache and no retries. */
export function renderH5(path = '/') {
  window.history.pushState({}, '', path);
  return render(<H5App queryClient={testQueryClient()} />);
}

/** Renders the console at `/admin${path}`. */
export function renderConsole(path = '/') {
  window.history.pushState({}, '', `/admin${path === '/' ? '/' : path}`);
  return render(<ConsoleApp queryClient={testQueryClient()} />);
}
