/**
 * Builds `window.cti` from the contract: one verb per command (invoke on its channel) and `on` for
 * events, returning its unsubscribe function. Pure: it gets an ipcRenderer-like object, so it runs
 * in the sandboxed preload and in unit tests alike. It never exposes ipcRenderer itself.
 */
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  commandChannel,
  eventChannel,
  type CtiApi,
  type EventName,
  type Listener,
  type Result,
  type Unsubscribe,
} from '../common/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true || (v.ok === false && typeof v.error?.code === 'string');
}

const EVENT_SET: ReadonlySet<string> = new Set(EVENT_NAMES);

export function buildCtiApi(ipc: IpcRendererLike): CtiApi {
  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) {
    api[name] = async (args: unknown): Promise<Result<unknown>> => {
      try {
        const reply = await ipc.invoke(commandChannel(name), args ?? {});
        if (isResult(reply)) return reply;
        return { ok: false, error: { code: 'internal', message: `${name}: main answered something that is not a result` } };
      } catch (err) {
        // invoke itself failed (no handler registered, window closing): still a typed result.
        return { ok: false, error: { code: 'internal', message: `${name}: ${err instanceof Error ? err.message : String(err)}` } };
      }
    };
  }
  api['on'] = <E extends EventName>(event: E, listener: Listener<E>): Unsubscribe => {
    if (!EVENT_SET.has(event)) throw new TypeError(`unknown event "${String(event)}"`);
    // Strip the IpcRendererEvent: the page must never get at the sender object.
    const wrapped: IpcListener = (_event, payload) => listener(payload as Parameters<Listener<E>>[0]);
    ipc.on(eventChannel(event), wrapped);
    return () => {
      ipc.removeListener(eventChannel(event), wrapped);
    };
  };
  return Object.freeze(api) as CtiApi;
}
