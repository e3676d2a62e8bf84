// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The layering of DESIGN.md, the VS Code rule adapted: each layer imports only from the
 * layers below it. `common` ← `electron/core` ← shell / host; `common` ← `renderer`;
 * `common` ← `server`. test/unit/layering.test.ts proves that a violation fails lint.
 */
export const LAYER_ZONES = [
  {
    target: './common',
    from: ['./electron', './renderer', './server'],
    message: 'common/ is pure TypeScript shared by every process: it imports nothing outside common/.',
  },
  {
    target: './renderer',
    from: ['./electron', './server'],
    message: 'The renderer talks to the main process only through window.loopdesk (common/ipc).',
  },
  {
    target: './electron/core',
    from: ['./electron/*.ts', './electron/host/**', './renderer/**', './server/**'],
    message: 'electron/core runs in plain Node: it never imports the shell, the host, the renderer or the server.',
  },
  {
    target: './server',
    from: ['./electron', './renderer'],
    message: 'The reference server imports only common/.',
  },
];

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'net', 'http'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      // Scratch space (bench bundles, test bundles, profiles): git-ignored, never source.
      '.tmp/**',
      'playwright-report/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['common', 'renderer', 'electron', 'server', 'test'].map((d) => `${d}/tsconfig.json`),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', ...NODE_BUILTINS], message: 'common/ is pure: zod only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['electron', ...NODE_BUILTINS], message: 'The renderer never gets Node or Electron.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron shell (electron/*.ts) imports electron.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', '*.config.ts'],
    rules: {
      // Tests assert on shapes they just built; non-null assertions keep them readable.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
