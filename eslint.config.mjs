import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: ['**/node_modules/', '**/dist/', '**/coverage/', 'test-output/', '.run/', 'fixtures/', '**/.eslintcache', 'cli/bin.js'],
  },
  ...baseConfig,
  {
    // Code outside the plugin (sandbox host, simulator, CLI, benchmarks, tests, scripts) may print.
    files: ['sandbox/**/*.{ts,tsx}', 'simulator/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js}', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
]);
