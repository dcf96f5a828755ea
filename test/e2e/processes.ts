/**
 * Child processes for end-to-end tests: the product's own entry points (the simulator, web mode)
 * started as a user would start them, their addresses read from what they print.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** The first capture group of each pattern, in order. */
  values: string[];
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script> ...args` and waits until every pattern has matched a line of stdout. */
export function startTsx(script: string, args: readonly string[], patterns: readonly RegExp[], timeoutMs = 20_000): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const values: (string | undefined)[] = patterns.map(() => undefined);
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      // A process that ignores SIGTERM must not hang the test run.
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print ${patterns.join(', ')} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      patterns.forEach((p, i) => {
        values[i] ??= p.exec(output)?.[1];
      });
      const found = values.filter((v): v is string => v !== undefined);
      if (found.length === patterns.length) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({ child, values: found, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}
