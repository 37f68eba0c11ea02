import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import baseConfig from './.config/eslint.config.mjs';

/** The base config forbids moment; every no-restricted-imports below repeats it (a later rule config replaces an earlier one). */
const NO_MOMENT = 'moment';

/**
 * The engine fence: code outside src/stats reaches the engine only through its public surface,
 * src/stats/index.ts (import '.../stats'), so the modules behind it can move freely. `allowed` lists
 * module paths under src/stats that a block may still import (each use says why).
 */
function engineFence(allowed = []) {
  const except = allowed.length > 0 ? `(?!(${allowed.join('|')})$)` : '';
  return [
    'error',
    {
      paths: [NO_MOMENT],
      patterns: [
        {
          regex: `(^|/)stats/${except}.+`,
          message:
            "Import the engine from its public surface (src/stats/index.ts, e.g. '../stats'), not from its internals.",
        },
      ],
    },
  ];
}

export default defineConfig([
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage/',
      'test-output/',
      '.run/',
      'fixtures/',
      '**/.eslintcache',
      'cli/bin.js',
      // AssemblyScript, not TypeScript: compiled by asc (scripts/build-wasm.ts), typed by its own tsconfig.
      'src/stats/correlation/wasm/assembly/',
    ],
  },
  ...baseConfig,
  {
    // Code outside the plugin (sandbox host, simulator, CLI, benchmarks, tests, scripts) may print.
    files: [
      'sandbox/**/*.{ts,tsx}',
      'simulator/**/*.ts',
      'cli/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,js}',
      'tests/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // No import cycle anywhere in the plugin: a cycle makes module order matter and hides a missing seam.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // The plugin's TypeScript settings (which files it parses), with the resolver built here.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // Every folder of the project's own code (not .config/, which the scaffold owns).
    files: [
      'src/**/*.{ts,tsx}',
      'tests/**/*.ts',
      'bench/**/*.ts',
      'cli/**/*.ts',
      'sandbox/**/*.{ts,tsx}',
      'simulator/**/*.ts',
      'scripts/**/*.{ts,js}',
    ],
    ignores: ['src/stats/**'],
    rules: { 'no-restricted-imports': engineFence() },
  },
  {
    // A lasting exception: this benchmark times internal kernels (pearsonMatrix, spearmanMatrix,
    // averageRanks, the JS and WebAssembly Gram kernels) on their own, which the public surface
    // deliberately does not export.
    files: ['bench/correlation.bench.ts'],
    rules: {
      'no-restricted-imports': engineFence([
        'correlation/pearsonMatrix',
        'correlation/spearmanMatrix',
        'rank/averageRanks',
        'correlation/gramMatrixJs',
        'correlation/gramMatrixWasm',
        'correlation/gramRequest',
        'correlation/wasm/gramKernel',
      ]),
    },
  },
  {
    // The same exception for the same-run NumPy/SciPy comparison, which also times the sample drift scores
    // and pearsonMatrix split across two threads (its steps and their driver).
    files: ['bench/reference.bench.ts'],
    rules: {
      'no-restricted-imports': engineFence([
        'correlation/pearsonMatrix',
        'correlation/spearmanMatrix',
        'correlation/gramSteps',
        'drift',
      ]),
    },
  },
  {
    // The engine is pure TypeScript: it runs in a Web Worker, in Node (CLI) and in tests, so it must not
    // pull in Grafana, React, styling or the DOM.
    files: ['src/stats/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_MOMENT, 'react', 'react-dom'],
          patterns: [
            {
              group: ['@grafana/*', 'react/*', 'react-dom/*', '@emotion/*'],
              message: 'src/stats is pure TypeScript: no Grafana, React, styling or DOM imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map((name) => ({
          name,
          message: 'src/stats is pure TypeScript: it runs in a worker and in Node, where the DOM does not exist.',
        })),
      ],
    },
  },
]);
