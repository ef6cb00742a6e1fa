// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

/**
 * The layers of ARCHITECTURE.md: imports point one way, app -> features -> store -> the domain, and
 * inside the domain lib <- json <- card <- adaptive <- webhook, card <- exchange, json <- manifest.
 * ui is presentational, and infrastructure packages live in exactly one layer each.
 * @param {string[]} layers folders under src/ that the importing layer must not reach
 */
const forbidLayers = (layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/*`, `**/${layer}`],
    message: `This layer may not import src/${layer} (see the layers in ARCHITECTURE.md).`,
  }));

const monaco = {
  group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
  message: 'Monaco lives only in src/features/editor.',
};
const jsonc = { group: ['jsonc-parser', 'jsonc-parser/*'], message: 'jsonc-parser lives only in src/json.' };
const zustand = { group: ['zustand', 'zustand/*'], message: 'zustand lives only in src/store.' };
const react = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*'],
  message: 'This layer is plain TypeScript, no React.',
};
const node = { group: ['node:*'], message: 'node:* modules belong to server/, cli/ and tests.' };

/** The layers above the domain, which no domain module may reach. */
const UPPER = ['app', 'features', 'store', 'ui'];

/** Each domain folder and the domain folders it must not import (everything not below it). */
const DOMAIN = {
  lib: ['json', 'card', 'adaptive', 'webhook', 'exchange', 'manifest'],
  json: ['card', 'adaptive', 'webhook', 'exchange', 'manifest'],
  card: ['adaptive', 'webhook', 'exchange', 'manifest'],
  adaptive: ['webhook', 'exchange', 'manifest'],
  webhook: ['exchange', 'manifest'],
  exchange: ['adaptive', 'webhook', 'manifest'],
  manifest: ['card', 'adaptive', 'webhook', 'exchange'],
};

/** @param {object[]} patterns */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  globalIgnores(['dist', 'dist-e2e*', 'dist-cli', 'test-results*', 'playwright-report', 'node_modules']),
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite()],
  },
  {
    // Type-aware rules where a mistake is silent: a promise nobody awaits or catches (its rejection
    // is lost), a promise where a boolean or a void callback is expected (an async event handler
    // whose failure nobody sees), await on a value that is not a promise, throwing a non-Error.
    files: ['src/**/*.{ts,tsx}', 'cli/**/*.ts', 'server/**/*.{ts,js}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    // Imports come first: an import after code runs before that code anyway (imports are hoisted),
    // so the order on the page lies. Re-exports (`export ... from`) count as imports.
    files: ['**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :not(ImportDeclaration, ExportNamedDeclaration[source], ExportAllDeclaration) ~ ImportDeclaration',
          message: 'Imports come before any other statement (they are hoisted, so code above them runs after them).',
        },
      ],
    },
  },
  ...Object.entries(DOMAIN).map(([folder, forbidden]) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/**/testkit.ts'],
    rules: restrict([
      ...forbidLayers([...UPPER, ...forbidden]),
      monaco,
      ...(folder === 'json' ? [] : [jsonc]),
      zustand,
      react,
      node,
    ]),
  })),
  {
    files: ['src/store/**/*.{ts,tsx}'],
    ignores: ['src/store/**/*.test.ts'],
    rules: restrict([...forbidLayers(['app', 'features', 'ui']), monaco, jsonc, node]),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: restrict([...forbidLayers(['app', 'features', 'store', 'card']), monaco, jsonc, zustand, node]),
  },
  {
    files: ['src/features/editor/**/*.{ts,tsx}'],
    rules: restrict([
      ...forbidLayers([
        'app',
        'features/preview',
        'features/forms',
        'features/send',
        'features/share',
        'features/workflows',
        'features/package',
      ]),
      jsonc,
      zustand,
      node,
    ]),
  },
  ...['preview', 'forms', 'send', 'share', 'workflows', 'package'].map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict([
      ...forbidLayers([
        'app',
        ...['editor', 'preview', 'forms', 'send', 'share', 'workflows', 'package']
          .filter((f) => f !== feature)
          .map((f) => `features/${f}`),
      ]),
      monaco,
      jsonc,
      zustand,
      node,
    ]),
  })),
  { files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'], rules: restrict([monaco, jsonc, zustand, node]) },
  {
    files: ['e2e/**/*.ts'],
    rules: restrict([{ group: ['**/src/**'], message: 'e2e drives the app through the browser only.' }]),
  },
]);
