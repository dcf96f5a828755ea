// Spawns a command, streams its output through, and keeps the output for a summary.
import { spawn } from 'node:child_process';

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** The last non-empty line of `text`, without colour codes. */
export function lastLine(text) {
  const lines = text.replace(ANSI, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.at(-1) ?? '';
}

/**
 * @returns {Promise<{ code: number, output: string, error: Error | null }>}
 *   code is 127 when the command could not be started at all, 124 when it ran out of
 *   options.timeoutMs (then it is killed).
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm is npm.cmd on Windows, which only a shell can start.
      shell: process.platform === 'win32',
    });
    const keep = (chunk, stream) => {
      output += chunk.toString();
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on('data', (c) => keep(c, process.stdout));
    child.stderr.on('data', (c) => keep(c, process.stderr));
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, options.timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({ code: 127, output, error });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: timedOut ? 124 : (code ?? (signal ? 128 : 1)), output, error: null });
    });
  });
}
