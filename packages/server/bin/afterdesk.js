#!/usr/bin/env node
// The `afterdesk` command. It runs the compiled server (npm install builds it).
import { main } from '../dist/cli/main.js';

main(process.argv).catch((error) => {
  console.error(`afterdesk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
