#!/usr/bin/env node
// Launcher of the infradrift CLI (package.json "bin").
// - In a source checkout (cli/main.ts present) it runs the TypeScript source through tsx, so what runs is
//   always the code you see; a bundle left over from an earlier `npm pack` would be stale.
// - In an installed package (no sources, see package.json "files") it runs the bundle cli/dist/infradrift.js,
//   built at pack time by `npm run build:cli`: plain Node, no tsx, no node_modules.
'use strict';
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, 'main.ts');
const bundle = path.join(__dirname, 'dist', 'infradrift.js');

function tsxAvailable() {
  try {
    require.resolve('tsx/cjs/api', { paths: [__dirname] });
    return true;
  } catch {
    return false;
  }
}

function entry() {
  if (fs.existsSync(source) && tsxAvailable()) {
    require('tsx/cjs/api').register();
    return require(source);
  }
  if (fs.existsSync(bundle)) {
    return require(bundle);
  }
  process.stderr.write(
    'infradrift: cannot start: the bundle cli/dist/infradrift.js is missing' +
      (fs.existsSync(source)
        ? ' and tsx (a dev dependency) is not installed. In the source checkout run `npm install`, or `npm run build:cli` to build the bundle.\n'
        : '. Reinstall the package.\n')
  );
  process.exit(3);
}

entry().run();
