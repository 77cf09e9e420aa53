// ESLint flat config: typescript-eslint's recommended rules for all TypeScript (client, functions,
// core, local stack, scripts, tests). Not type-aware: the type-aware presets triple the run time,
// and `npm run typecheck` already runs tsc strict over the same files.
// Formatting is Prettier's job (`prettier --check .`), so no stylistic rules here.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const house = require('./scripts/lint/import-boundaries');

// Who may import what (miniprogram/ only itself; the server only core/ and the shared client folders).
const { BOUNDARIES } = require('./scripts/lint/boundaries');

const commonJsGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
};

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'miniprogram/miniprogram_npm/',
      'dist/',
      '.data/',
      '.scratch/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { house },
    rules: {
      // `_name` marks a parameter a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Classic zod is ~90 KB in every function bundle; zod/mini is tree-shakable (a few KB). And
      // `import { z }` drags every zod locale (~360 KB) in: the namespace import lets esbuild leave them out.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Use `import * as z from 'zod/mini'` (tree-shakable)." }] },
      ],
      'house/import-boundaries': ['error', BOUNDARIES],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
          message: "Use `import * as z from 'zod/mini'`.",
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: commonJsGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
