/**
 * Runs the real `cti` (bin/cti.js, through tsx) as a child process, as a user would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/cti.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit. */
  ms: number;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The parent's CTI_* must not leak into a test.
  const base = { ...process.env };
  delete base['CTI_SERVER'];
  delete base['CTI_DEVICE'];
  return { ...base, ...env };
}

export function spawnCli(args: readonly string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: 'pipe' });
}

/** Runs `cti args...` to completion (killed after `killAfterMs`, which fails the test on `code`). */
export function runCli(
  args: readonly string[],
  opts: { env?: Record<string, string>; stdin?: string; killAfterMs?: number } = {},
): Promise<CliResult> {
  const started = Date.now();
  const child = spawnCli(args, opts.env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(opts.stdin ?? '');
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A long-running `cti` (listen): lines as they come, and a way to wait for one. */
export class LiveCli {
  readonly stdoutLines: string[] = [];
  readonly stderrLines: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const collect = (stream: NodeJS.ReadableStream, into: string[]): void => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => {
        pending += d;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        into.push(...parts);
        for (const w of this.waiters.splice(0)) w();
      });
    };
    collect(child.stdout, this.stdoutLines);
    collect(child.stderr, this.stderrLines);
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    child.stdin.end();
  }

  /** Resolves once `predicate` holds over the lines collected, or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out waiting for ${what}\nstdout:\n${this.stdoutLines.join('\n')}\nstderr:\n${this.stderrLines.join('\n')}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  exit(timeoutMs = 8000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    return this.exited.finally(() => clearTimeout(timer));
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Whitespace between tags removed, as the spec's indented examples are compared with the wire. */
export function compactXml(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}
