#!/usr/bin/env node
// Runs the TypeScript sources directly: Safeguard ships no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/platform/cli/main.ts');
