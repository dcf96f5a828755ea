#!/usr/bin/env node
// `cti` launcher: runs the TypeScript CLI (main/cli/cti.ts) through tsx's loader, so the command
// works from a checkout right after `npm install`, without a build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../main/cli/cti.ts', import.meta.url).href);
