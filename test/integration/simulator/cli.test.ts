/** The `simulator` entry point as a user runs it: a child process on OS-chosen ports. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TelClient } from '../../../main/telservices/client';
import { TcpTransport } from '../../../main/telservices/transport-tcp';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const ENTRY = join(process.cwd(), 'main', 'cli', 'simulator.ts');

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(TSX, [ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { child: proc, output: () => out, exited };
}

async function waitForLine(output: () => string, re: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = re.exec(output());
    if (m) return m;
    if (Date.now() > end) throw new Error(`no ${String(re)} in: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run simulator', () => {
  it('prints its address, answers requests and its control API, and stops on SIGTERM', async () => {
    const p = run(['--', '--port', '0', '--demo']);
    const [, port] = await waitForLine(p.output, /listening on 127\.0\.0\.1:(\d+)/);
    const [, controlUrl] = await waitForLine(p.output, /control on (http:\/\/127\.0\.0\.1:\d+)/);
    const client = new TelClient(new TcpTransport({ host: '127.0.0.1', port: Number(port) }));
    await client.openSession({ deviceNumber: '1101' });
    expect(await client.queryDoNotDisturb({ deviceNumber: '1101' })).toBe('off');
    const state = (await (await fetch(`${controlUrl ?? ''}/state`)).json()) as { sessions: unknown[] };
    expect(state.sessions).toHaveLength(1);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('refuses a bad scenario with a message naming the field, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-scenario-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ steps: [{ at: 0, do: 'inboundCall', from: '+801' }] }));
      const p = run(['--scenario', file]);
      expect(await p.exited).toBe(2);
      expect(p.output()).toMatch(/bad\.json: steps\.0\.to: /);
      const q = run(['--port', 'x']);
      expect(await q.exited).toBe(2);
      expect(q.output()).toMatch(/--port must be an integer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--immediate-tcp-polls answers a raw-TCP long-poll at once', async () => {
    const p = run(['--port', '0', '--no-rest', '--immediate-tcp-polls']);
    const [, port] = await waitForLine(p.output, /listening on 127\.0\.0\.1:(\d+)/);
    const client = new TelClient(new TcpTransport({ host: '127.0.0.1', port: Number(port) }));
    await client.openSession({ deviceNumber: '1101' });
    const first = await client.snapshot({ deviceNumber: '1101' });
    const started = Date.now();
    await client.snapshot({ deviceNumber: '1101', resultOnEvent: { timeout: '5', snapshotSeq: first.snapshotSeq ?? '' } });
    // Held, this poll would last its 5 s timeout; the flag makes the simulator answer it at once.
    expect(Date.now() - started).toBeLessThan(2_000);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
