import { describe, expect, it, vi } from 'vitest';
import type { CommandHandlers } from '../../../common/contract';
import { runTrayAction, type ShellVerbs } from '../../../main/desktop/tray-actions';

function handlers(): CommandHandlers {
  const ok = vi.fn(() => Promise.resolve(null));
  return new Proxy({} as CommandHandlers, { get: (t, name: string) => ((t as Record<string, unknown>)[name] ??= vi.fn(ok)) });
}
const verbs = (): ShellVerbs => ({ openDialBox: vi.fn(), openMainWindow: vi.fn(), openSettings: vi.fn(), quit: vi.fn(), report: vi.fn() });

describe('runTrayAction', () => {
  it('sends each line action as its contract command, validated', async () => {
    const h = handlers();
    const v = verbs();
    await runTrayAction({ type: 'dial', number: '0612' }, h, v);
    await runTrayAction({ type: 'answer', callingNumber: '0612' }, h, v);
    await runTrayAction({ type: 'hangUp' }, h, v);
    await runTrayAction({ type: 'setDnd', on: true }, h, v);
    await runTrayAction({ type: 'setForward', forwardType: 'immediate', on: false }, h, v);
    await runTrayAction({ type: 'setAgentState', state: 'ready' }, h, v);
    expect(h.dial).toHaveBeenCalledWith({ number: '0612' });
    expect(h.answer).toHaveBeenCalledWith({ callingNumber: '0612' });
    expect(h.drop).toHaveBeenCalledWith({});
    expect(h.setDnd).toHaveBeenCalledWith({ on: true });
    expect(h.setForward).toHaveBeenCalledWith({ type: 'immediate', on: false });
    expect(h.setAgentState).toHaveBeenCalledWith({ state: 'ready' });
    expect(v.report).not.toHaveBeenCalled();
  });

  it('reports a refused command instead of failing silently', async () => {
    const h = handlers();
    const v = verbs();
    await runTrayAction({ type: 'dial', number: 'not a number' }, h, v);
    expect(h.dial).not.toHaveBeenCalled();
    expect(v.report).toHaveBeenCalledWith('Dial not a number', expect.stringContaining('not a phone number'));
  });

  it('opens the shell windows and quits', async () => {
    const v = verbs();
    for (const type of ['openDialBox', 'open', 'settings', 'quit'] as const) await runTrayAction({ type }, handlers(), v);
    expect(v.openDialBox).toHaveBeenCalledOnce();
    expect(v.openMainWindow).toHaveBeenCalledOnce();
    expect(v.openSettings).toHaveBeenCalledOnce();
    expect(v.quit).toHaveBeenCalledOnce();
  });
});
