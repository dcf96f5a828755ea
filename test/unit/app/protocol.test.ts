// tel:/callto: glue with `electron` mocked: argv links, macOS open-url, registration rules.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    app: {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      requestSingleInstanceLock: vi.fn(() => true),
      isDefaultProtocolClient: vi.fn((_scheme: string) => false),
      setAsDefaultProtocolClient: vi.fn((_scheme: string) => true),
    },
  };
});

vi.mock('electron', () => ({ app: fake.app }));

const { claimSingleInstance, listenForDialLinks, registerDialProtocols } = await import('../../../main/app/protocol');

beforeEach(() => {
  fake.listeners.clear();
  vi.clearAllMocks();
});

describe('listenForDialLinks', () => {
  it('dials the number of the link on our own command line', () => {
    const onDial = vi.fn();
    listenForDialLinks(['/opt/cti/cti', 'tel:+33123456789'], onDial);
    expect(onDial).toHaveBeenCalledWith('+33123456789');
  });

  it('dials links that come later from a second instance or macOS open-url', () => {
    const onDial = vi.fn();
    const handleArgv = listenForDialLinks(['/opt/cti/cti'], onDial);
    expect(onDial).not.toHaveBeenCalled();
    handleArgv(['/opt/cti/cti', 'callto://0612345678']);
    const event = { preventDefault: vi.fn() };
    fake.listeners.get('open-url')!(event, 'tel:0140');
    fake.listeners.get('open-url')!(event, 'https://not-a-number.example');
    expect(onDial.mock.calls).toEqual([['0612345678'], ['0140']]);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('claimSingleInstance', () => {
  it('forwards the argv of a second instance', () => {
    const onSecond = vi.fn();
    expect(claimSingleInstance(onSecond)).toBe(true);
    fake.listeners.get('second-instance')!({}, ['/opt/cti/cti', 'tel:12']);
    expect(onSecond).toHaveBeenCalledWith(['/opt/cti/cti', 'tel:12']);
  });

  it('reports that another instance holds the lock', () => {
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(claimSingleInstance(vi.fn())).toBe(false);
    expect(fake.listeners.has('second-instance')).toBe(false);
  });
});

describe('registerDialProtocols', () => {
  it('registers tel and callto for an installed app', () => {
    registerDialProtocols(true);
    expect(fake.app.setAsDefaultProtocolClient.mock.calls).toEqual([['tel'], ['callto']]);
  });

  it('leaves the OS handlers alone in a development checkout', () => {
    registerDialProtocols(false);
    expect(fake.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });
});
