#!/usr/bin/env node
// A committed launcher, so that npm links `hoctap` at install time; the code is built into dist/.
await import('../dist/bin.js');
