#!/usr/bin/env node
// The `messagecard` command. Node 20 cannot run TypeScript, so the command line is built into
// dist-cli/ by `npm run build:cli` (also run by `npm install` through the prepare script);
// this shim only loads that build, and says what to do when it is missing.
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/messagecard.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('messagecard: the command line is not built yet; run `npm run build:cli` first\n');
  process.exit(2);
}
await import(built.href);
