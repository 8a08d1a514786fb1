// Layer rules of apps/server (STYLE.md §3), checked by `npm run lint`:
//   routes → service → repository; modules import each other only through index.ts;
//   pure domain files never touch the database; no cycles.
const SRC = '^apps/server/src/';
const MODULES = `${SRC}modules/`;
const DB = `${SRC}platform/db/`;
const ROLE_SUFFIX = '[.](routes|service|repository|policy|presenter|test|tables)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-only-via-index',
      severity: 'error',
      comment: "A module may use another module only through that module's index.ts (its public API).",
      from: { path: `${MODULES}([^/]+)/` },
      to: {
        path: `${MODULES}([^/]+)/`,
        pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index[.]ts$`],
      },
    },
    {
      name: 'routes-not-to-repository-or-db',
      severity: 'error',
      comment: 'Routes call services; they never touch repositories or the database.',
      from: { path: '[.]routes[.]ts$' },
      to: { path: ['[.]repository[.]ts$', DB] },
    },
    {
      name: 'repository-not-to-service-or-routes',
      severity: 'error',
      comment: 'Repositories are SQL only: they never call services or routes.',
      from: { path: '[.]repository[.]ts$' },
      to: { path: '[.](service|routes)[.]ts$' },
    },
    {
      name: 'pure-domain-not-to-db',
      severity: 'error',
      comment: 'Pure domain files (no role suffix, not index.ts) import nothing from platform/db.',
      from: { path: MODULES, pathNot: [ROLE_SUFFIX, '/index[.]ts$'] },
      to: { path: DB },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular dependencies make the load order and the layers unclear.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist/'] },
    // Type-only imports count: a routes file must not even name a repository type.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
