// One jest run, several projects: each folder of tests/ has its own environment.
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

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'conformance',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/conformance/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'functions',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.ts'],
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
    },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
