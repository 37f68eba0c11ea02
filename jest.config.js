// Force UTC so time-grid tests do not depend on the machine's zone.
process.env.TZ = 'UTC';

const scaffold = require('./.config/jest.config');

// @grafana/data pulls d3 packages that ship only .mjs under the jsdom "browser" condition: transform those too.
const swc = scaffold.transform['^.+\\.(t|j)sx?$'];
// yaml's "browser" entry (picked under jsdom) is ESM: map it to its CommonJS build, the same API.
const base = {
  ...scaffold,
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  moduleNameMapper: { ...scaffold.moduleNameMapper, '^yaml$': require.resolve('yaml') },
};

/**
 * Two projects:
 *  - `unit`: fast tests of src/, simulator/, cli/ (jsdom for React, node for pure code via docblock).
 *  - `browser`: the built plugin in real Chromium through the sandbox host (needs `npm run build` first).
 * `npm test` runs `unit`; `npm run test:browser` runs `browser`; `npm run test:all` runs everything.
 */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      roots: [
        '<rootDir>/src',
        '<rootDir>/simulator',
        '<rootDir>/cli',
        '<rootDir>/tests/unit',
        '<rootDir>/tests/integration',
      ],
      testMatch: ['**/*.test.{ts,tsx}'],
    },
    {
      ...base,
      displayName: 'browser',
      roots: ['<rootDir>/tests/browser'],
      testMatch: ['**/*.browser.test.ts'],
      testEnvironment: 'node',
      setupFilesAfterEnv: [],
    },
  ],
};
