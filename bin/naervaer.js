#!/usr/bin/env node
// Entry point of the `naervaer` command (`npx naervaer plan < periods.json`).
// The sources are TypeScript; tsx registers a loader so they run without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
