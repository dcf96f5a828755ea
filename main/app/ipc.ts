/**
 * Electron IPC registration, derived from the contract: one `ipcMain.handle` per command, each
 * checking that the sender is our own top frame at our app URL, then validating and dispatching
 * through main/core/dispatch. Events are forwarded to our windows' webContents.
 *
 * Electron's objects are passed in (types only imported here), so main/index.ts does the wiring
 * and tests can hand over an ipcMain-like object.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { CtiError } from '../../common/errors';
import { COMMAND_NAMES, EVENT_NAMES, commandChannel, eventChannel, type CommandHandlers, type CtiEvents, type EventName, type Result } from '../../common/contract';
import { dispatchCommand } from '../core/dispatch';
import { isAppUrl } from './policy';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of a sender frame we look at. */
export interface FrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: FrameLike | null | undefined, appUrl: string, alsoTrusted: readonly string[] = []): boolean {
  // Only our own top-level documents (policy.ts isAppUrl, the check navigation uses too): no iframe,
  // no other page that got hold of the preload.
  if (frame === null || frame === undefined || frame.parent !== null) return false;
  return [appUrl, ...alsoTrusted].some((url) => isAppUrl(frame.url, url));
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  handlers: CommandHandlers;
  appUrl: string;
  /** Other documents of ours that use the contract (the screen-pop page). */
  alsoTrusted?: readonly string[];
}

/** Registers every command channel; returns a function that removes them. */
export function registerIpc({ ipcMain, handlers, appUrl, alsoTrusted = [] }: RegisterIpcOptions): () => void {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(name), async (event, args): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, appUrl, alsoTrusted)) {
        const url = (event.senderFrame as FrameLike | null)?.url ?? '(no frame)';
        console.warn(`[ipc] refused ${name} from ${url}`);
        return { ok: false, error: new CtiError('invalidArgument', `${name}: sender is not this app`).toShape() };
      }
      return dispatchCommand(handlers, name, args);
    });
  }
  return () => {
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(name));
  };
}

export interface EventSource {
  on<E extends EventName>(event: E, listener: (payload: CtiEvents[E]) => void): () => void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Forwards every contract event to the windows `targets()` returns now; returns the unsubscribe. */
export function forwardEvents(source: EventSource, targets: () => readonly WebContentsLike[]): () => void {
  const offs = EVENT_NAMES.map((name) =>
    source.on(name, (payload) => {
      for (const wc of targets()) if (!wc.isDestroyed()) wc.send(eventChannel(name), payload);
    }),
  );
  return () => offs.forEach((off) => off());
}
