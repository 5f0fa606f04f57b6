#!/usr/bin/env node
// Entry point of the `zonesim` command: registers tsx so the TypeScript sources run directly
// (no build step on a fresh clone), then starts the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
