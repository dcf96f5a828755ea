import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../common/contract';

const noToken = { protocol: 'http:', host: '127.0.0.1:5173', search: '' };

async function freshGetCti(): Promise<typeof import('../../../renderer/src/lib/cti').getCti> {
  // The bridge is chosen once per page: each case gets a fresh module.
  vi.resetModules();
  return (await import('../../../renderer/src/lib/cti')).getCti;
}

afterEach(() => {
  delete (globalThis as { cti?: unknown }).cti;
});

describe('getCti', () => {
  it('has no bridge without a preload API or a web-mode token (the page stays disconnected)', async () => {
    const getCti = await freshGetCti();
    expect(getCti(noToken)).toBeUndefined();
  });

  it("uses the preload's window.cti when it has every command and `on`", async () => {
    const api: Record<string, unknown> = { on: () => () => undefined };
    for (const name of COMMAND_NAMES) api[name] = () => Promise.resolve({ ok: true, value: null });
    (globalThis as { cti?: unknown }).cti = api;
    const getCti = await freshGetCti();
    expect(getCti(noToken)).toBe(api);
  });

  it('ignores a window.cti that lacks a command (not our preload)', async () => {
    (globalThis as { cti?: unknown }).cti = { on: () => () => undefined, dial: () => undefined };
    const getCti = await freshGetCti();
    expect(getCti(noToken)).toBeUndefined();
  });
});
