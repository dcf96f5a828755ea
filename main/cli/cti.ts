/**
 * `cti` entry point: binds run() to the process (argv, env, stdio, signals) and exits with its
 * code. Everything else lives in run.ts and below, testable without a process.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { askSecretOnTerminal } from './prompt';
import { REST_SECRET_ENV } from './rest-args';
import { run, type CliIo } from './run';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => parts.push(chunk));
    process.stdin.once('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    process.stdin.once('error', reject);
  });
}

/** Handlers are installed only when asked (by `listen`): elsewhere Ctrl-C keeps its default, immediate effect. */
function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const v = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof v === 'string' ? v : 'unknown';
}

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: {
    CTI_SERVER: process.env['CTI_SERVER'],
    CTI_DEVICE: process.env['CTI_DEVICE'],
    CTI_PASSWORD: process.env['CTI_PASSWORD'],
    ...Object.fromEntries(Object.values(REST_SECRET_ENV).map((name) => [name, process.env[name]])),
  },
  readInput: (source) => (source === '-' ? readStdin() : readFile(source, 'utf8')),
  version,
  waitForStop,
  askSecret: askSecretOnTerminal,
};

// `cti listen | head -3`: the reader went away. That is the user's way of stopping, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await run(process.argv.slice(2), io);
// Exit explicitly once stdout is flushed: a lingering handle must never keep a finished
// command alive, and the exit code is the contract.
process.stdout.write('', () => process.exit(code));
