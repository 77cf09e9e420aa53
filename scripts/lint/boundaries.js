// The import boundaries of the house, declared once: ESLint enforces them on the sources
// (scripts/lint/import-boundaries.js, wired in eslint.config.js), and the bundle test checks the
// esbuild metafile of every function against them. docs/architecture.md explains them.

// The client code the server may use: wire contracts and pure helpers (no wx, no page code).
const SHARED_CLIENT_FOLDERS = ['miniprogram/contracts', 'miniprogram/lib'];

// Folders production code never uses: the local stack, the tooling and the tests.
const LOCAL_ONLY_FOLDERS = ['local', 'scripts', 'tests'];

// Who may import what at run time (`import type` is erased and may cross). Folders not listed as `from`
// (local/, scripts/, tests/, seed/) may use anything.
const BOUNDARIES = [
  {
    from: ['miniprogram'],
    allow: ['miniprogram'],
    why: 'the mini-program can load only files under miniprogram/',
  },
  {
    from: ['core', 'cloudfunctions'],
    allow: ['core', 'cloudfunctions', ...SHARED_CLIENT_FOLDERS],
    why: 'the server takes from the client only the shared folders, and never the local stack, scripts or tests',
  },
];

module.exports = { SHARED_CLIENT_FOLDERS, LOCAL_ONLY_FOLDERS, BOUNDARIES };
