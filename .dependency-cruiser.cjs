/** Imports flow one way: stats ← core ← readers ← server ← cli; client ← cli, dashboard (see ARCHITECTURE.md). */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'stats-is-pure',
      comment: 'packages/stats imports nothing: no node:*, no dependency, no other package.',
      severity: 'error',
      from: { path: '^packages/stats/src', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^packages/stats/src' },
    },
    {
      name: 'core-imports-only-stats',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/(server|readers|client|cli|dashboard|testkit)/' },
    },
    {
      name: 'core-only-stats-and-typebox',
      comment: 'packages/core imports only the statistics core and the schema library.',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: ['node_modules/typebox/', '^packages/stats/'] },
    },
    {
      name: 'core-no-io',
      comment: 'packages/core is the pure domain: no node built-ins.',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'readers-import-only-core-and-stats',
      comment: 'packages/readers (file I/O) sits beside core: server and cli import it, it imports neither.',
      severity: 'error',
      from: { path: '^packages/readers/src' },
      to: { path: '^packages/(server|client|cli|dashboard)/' },
    },
    {
      name: 'server-not-upward',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/(client|cli|dashboard)/' },
    },
    {
      name: 'client-no-server',
      severity: 'error',
      from: { path: '^packages/(client|dashboard)/src' },
      to: { path: '^packages/(server|cli)/' },
    },
    {
      name: 'testkit-only-in-tests',
      comment: 'testkit is for tests (and *.case.ts, the suites they share), benchmarks and examples, never production code.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src', pathNot: '(\\.test\\.ts$|\\.case\\.ts$|^packages/testkit/)' },
      to: { path: '^packages/testkit/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built output (the dashboard's bundle) is not source.
    exclude: { path: '/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
