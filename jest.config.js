// Force UTC so time-grid tests do not depend on the machine's zone.
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

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
      roots: ['<rootDir>/src', '<rootDir>/simulator', '<rootDir>/cli', '<rootDir>/tests/unit'],
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
