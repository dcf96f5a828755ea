/**
 * What the agent client's e2e scenarios share: the simulator and web mode as a user starts them,
 * the simulator's control API and the `cti` command line (to act as other phones), CSP and error
 * watching, axe checks and screenshots.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { startTsx, type Started } from './processes';

const run = promisify(execFile);

export interface Rig {
  simulator: Started;
  telServer: string;
  controlUrl: string;
  webs: Started[];
  /** The page URL of each device's web mode, by device number. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export interface RigOptions {
  /** More lines the simulator prints (their first groups come back in `simValues`). */
  simPatterns?: readonly RegExp[];
  /** More arguments for one device's web mode (after --port, --server, --device). */
  webArgs?: (device: string, simValues: readonly string[]) => readonly string[];
  /** Called once everything is stopped. */
  afterStop?: () => void;
}

export async function startRig(devices: readonly string[], extraSimArgs: readonly string[] = [], options: RigOptions = {}): Promise<Rig & { simValues: string[] }> {
  const simulator = await startTsx(
    'main/cli/simulator.ts',
    ['--port', '0', '--control-port', '0', ...extraSimArgs],
    [/listening on (127\.0\.0\.1:\d+)/, /control on (http:\/\/\S+)/, ...(options.simPatterns ?? [])],
  );
  const [telServer, controlUrl, ...simValues] = simulator.values as [string, string, ...string[]];
  const webs: Started[] = [];
  const urls: Record<string, string> = {};
  for (const device of devices) {
    const args = ['--port', '0', '--server', telServer, '--device', device, ...(options.webArgs?.(device, simValues) ?? [])];
    const web = await startTsx('main/web/cli.ts', args, [/Open (http:\/\/\S+)/]);
    webs.push(web);
    urls[device] = web.values[0] as string;
  }
  return {
    simulator,
    telServer,
    controlUrl,
    simValues,
    webs,
    urls,
    stop: async () => {
      for (const w of webs) await w.stop();
      await simulator.stop();
      options.afterStop?.();
    },
  };
}

export async function control(rig: Rig, method: 'POST' | 'GET', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${rig.controlUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

/** An external caller rings `to`; returns the simulator's call id. */
export async function ring(rig: Rig, call: { from: string; to: string; dnis?: string; extraData?: string }): Promise<string> {
  const { callId } = (await control(rig, 'POST', '/calls', call)) as { callId: string };
  return callId;
}

/** Another phone of the PBX acts, as its user would with the `cti` command line. */
export async function phone(rig: Rig, device: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'main/cli/cti.ts', '--server', rig.telServer, '--device', device, ...args], { timeout: 20_000 });
  return stdout;
}

/** Collects CSP violations, page errors and console errors of a page: the test ends expecting none. */
export async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation: (t: string) => Promise<void> }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`);
    });
  });
  return problems;
}

/** Screenshot under test-results/screens/, and an axe run: no serious or critical violation. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
}

export async function openClient(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('header [role="status"]')).toHaveAttribute('data-state', 'monitored', { timeout: 10_000 });
}
