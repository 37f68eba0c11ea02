#!/usr/bin/env node
// Launcher for the infradrift CLI: runs cli/main.ts through tsx (no build step needed).
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const entry = path.join(__dirname, 'main.ts');
const res = spawnSync(process.execPath, ['--import', 'tsx', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
if (res.error) {
  process.stderr.write(`infradrift: cannot start tsx: ${res.error.message}\n`);
  process.exit(2);
}
process.exit(res.status === null ? 2 : res.status);
