// One jest run, several projects, each named for what it tests (`npx jest --selectProjects <name>`):
//   core           pure rules and the functions' runtime (no I/O beyond temporary files)
//   local-stack    the functions host, seeds, deploy planning and exports (tools of the local stack)
//   compile-checks the offline mini-program checks (wcc, miniprogram-ci, tabBar icons) on broken copies: slow
//   emulator       the emulator's conformance with node-sdk's wire protocol
//   functions      each cloud function against a fresh emulator, through the real node-sdk
//   pages          page logic in miniprogram-simulate
//   e2e            the whole stack in Chromium
const transform = { '\\.(ts|js)$': '<rootDir>/tests/support/esbuild-transform.js' };
const common = {
  rootDir: __dirname,
  transform,
  // TDesign (inside miniprogram_npm) and marked ship ES modules only: let the transform see them.
  transformIgnorePatterns: ['/node_modules/(?!(tdesign-miniprogram|marked)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Built function bundles repeat the cloudfunctions/ package names; tests load them with Node's own require.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
// Node projects run functions in-process: their runtime reads the local stack's settings from the environment.
const node = { ...common, testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/setup-cloud-environment.ts'] };
const unitFolders = (folders) => folders.map((folder) => `<rootDir>/tests/unit/${folder}/`);
const unitTestsIn = (folders) => unitFolders(folders).map((folder) => `${folder}**/*.test.ts`);
// tests/unit/ folders that belong to a project other than core; every other folder (a new domain's) is core.
const LOCAL_STACK_UNITS = ['host', 'deploy', 'house', 'export'];
const COMPILE_CHECK_UNITS = ['checks'];
const unitTests = ['<rootDir>/tests/unit/**/*.test.ts'];

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      ...node,
      displayName: 'core',
      testMatch: unitTests,
      testPathIgnorePatterns: unitFolders([...LOCAL_STACK_UNITS, ...COMPILE_CHECK_UNITS]),
    },
    { ...node, displayName: 'local-stack', testMatch: unitTestsIn(LOCAL_STACK_UNITS) },
    { ...node, displayName: 'compile-checks', testMatch: unitTestsIn(COMPILE_CHECK_UNITS) },
    { ...node, displayName: 'emulator', testMatch: ['<rootDir>/tests/conformance/**/*.test.ts'] },
    { ...node, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.ts'],
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
    },
    { ...node, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
