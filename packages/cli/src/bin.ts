#!/usr/bin/env node
/** The `hoctap` executable: runs main() on the process arguments and leaves with its exit code. */
import { main } from './index.js';

// `hoctap show … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
