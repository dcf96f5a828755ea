import { describe, expect, it, vi } from 'vitest';
import type { CtiEvents, EventName } from '../../../common/contract';
import type { AppState, LineState } from '../../../common/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/schemas';
import { ShellController, type ShellPorts } from '../../../main/desktop/shell-controller';
import { call, leg, line, party, ringingFrom } from './fixtures';

function rig(settings: Partial<Settings> = {}) {
  let state: AppState = { seq: 0, lines: [line()] };
  const listeners = new Map<string, Set<() => void>>();
  let clipboard = '';
  const ports = {
    source: {
      on<E extends EventName>(event: E, listener: (payload: CtiEvents[E]) => void) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        const l = (): void => listener(undefined as unknown as CtiEvents[E]);
        set.add(l);
        return () => set.delete(l);
      },
      getState: () => state,
    },
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    tray: { update: vi.fn() },
    pop: { show: vi.fn(), hide: vi.fn() },
    notify: vi.fn(),
    flash: vi.fn(),
    openExternal: vi.fn(),
    readClipboard: () => Promise.resolve(clipboard),
    warn: vi.fn(),
  } satisfies ShellPorts;
  const shell = new ShellController(ports);
  const push = (l: LineState): void => {
    state = { seq: state.seq + 1, lines: [l] };
    for (const f of listeners.get('patch') ?? []) f();
  };
  return { shell, ports, push, setClipboard: (t: string) => (clipboard = t), listeners };
}

const ringing = (extra: Partial<LineState> = {}): LineState => line({ calls: [ringingFrom('0612', 'c1', { name: 'Marie' })], popups: ['c1'], ...extra });

describe('ShellController', () => {
  it('shows the pop without focus for a popped ringing call, flashes, notifies once, and hides when answered', () => {
    const { shell, ports, push } = rig();
    shell.start();
    push(ringing());
    expect(ports.pop.show).toHaveBeenLastCalledWith({ calls: 1, focus: false });
    expect(ports.flash).toHaveBeenLastCalledWith(true);
    push(ringing({ missedCalls: 0 }));
    expect(ports.notify).toHaveBeenCalledOnce();
    // Answered anywhere: the leg is connected, the pop goes.
    push(line({ calls: [call('c1', leg('connected', party('0612')))], popups: ['c1'] }));
    expect(ports.pop.hide).toHaveBeenCalled();
    expect(ports.flash).toHaveBeenLastCalledWith(false);
  });

  it('stacks several ringing calls and closes when they are diverted or cleared', () => {
    const { shell, ports, push } = rig();
    shell.start();
    push(line({ calls: [ringingFrom('0612', 'c1'), ringingFrom('0613', 'c2')], popups: ['c1', 'c2'] }));
    expect(ports.pop.show).toHaveBeenLastCalledWith({ calls: 2, focus: false });
    expect(ports.notify).toHaveBeenCalledTimes(2);
    push(line({ calls: [ringingFrom('0613', 'c2')], popups: ['c2'] }));
    expect(ports.pop.show).toHaveBeenLastCalledWith({ calls: 1, focus: false });
    ports.pop.hide.mockClear();
    push(line());
    expect(ports.pop.hide).toHaveBeenCalled();
  });

  it('takes the focus only when the setting says so, and shows nothing when pops are off', () => {
    const focus = rig({ popFocus: true });
    focus.shell.start();
    focus.push(ringing());
    expect(focus.ports.pop.show).toHaveBeenLastCalledWith({ calls: 1, focus: true });
    const off = rig({ popEnabled: false });
    off.shell.start();
    off.push(ringing());
    expect(off.ports.pop.show).not.toHaveBeenCalled();
    expect(off.ports.notify).not.toHaveBeenCalled();
  });

  it('runs the ring action once per call through the allowlist', () => {
    const { shell, ports, push } = rig({ callActions: { ring: 'https://crm.example/?p={number}', answer: 'http://insecure.example/', hangUp: '' } });
    shell.start();
    push(ringing());
    push(ringing());
    push(line({ calls: [call('c1', leg('connected', party('0612')))] }));
    expect(ports.openExternal.mock.calls).toEqual([['https://crm.example/?p=0612']]);
    expect(ports.warn).toHaveBeenCalledWith(expect.stringContaining('answer refused: notAllowed (http:)'));
  });

  it('feeds the tray: the line, the clipboard number and the redial list (outgoing calls and shell dials)', async () => {
    const { shell, ports, push, setClipboard } = rig();
    setClipboard('06 12 34 56 78');
    shell.start();
    await vi.waitFor(() => expect(ports.tray.update).toHaveBeenLastCalledWith(expect.objectContaining({ clipboardNumber: '0612345678' })));
    push(line({ calls: [call('c9', leg('delivered', party('1102'), { isOutgoing: true }))] }));
    shell.noteDialled('0140');
    expect(ports.tray.update).toHaveBeenLastCalledWith(expect.objectContaining({ redial: ['0140', '1102'] }));
    setClipboard('not a number');
    ports.tray.update.mockClear();
    await shell.checkClipboard();
    expect(ports.tray.update).toHaveBeenLastCalledWith(expect.objectContaining({ clipboardNumber: null }));
    await shell.checkClipboard();
    expect(ports.tray.update).toHaveBeenCalledOnce();
  });

  it('stops listening and hides the pop on stop', () => {
    const { shell, ports, listeners } = rig();
    shell.start();
    shell.stop();
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
    expect(ports.pop.hide).toHaveBeenCalled();
  });
});
