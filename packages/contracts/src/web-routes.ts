/**
 * The web app's route patterns that server notifications may link to (`notify({ link })`). The
 * H5 routes are at `/`, the console's under `/admin`. A server test checks every link the modules
 * build matches one of these, and a web test checks each exists in the routers.
 */
export const H5_LINK_ROUTES = [
  '/orders/:id',
  '/offers',
  '/grid-orders',
  '/activities/:id',
  '/care-plans',
  '/me/records',
  '/me/star',
  '/me/certificates',
  '/time-bank',
] as const;

export const CONSOLE_LINK_ROUTES = ['/admin/demands/:id', '/admin/certificates'] as const;

export const WEB_LINK_ROUTES: readonly string[] = [...H5_LINK_ROUTES, ...CONSOLE_LINK_ROUTES];

/** Whether a concrete path (`/orders/dmd_1`) matches a route pattern (`/orders/:id`). */
export function matchesWebRoute(path: string, pattern: string): boolean {
  const a = path.split('?')[0]!.split('/');
  const b = pattern.split('/');
  return a.length === b.length && b.every((seg, i) => (seg.startsWith(':') ? (a[i] ?? '').length > 0 : seg === a[i]));
}
