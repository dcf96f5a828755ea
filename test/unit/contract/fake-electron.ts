/**
 * A stand-in for Electron's IPC only (ipcMain, ipcRenderer, webContents): handlers and listeners in
 * maps, arguments and results structured-cloned as Electron does. Everything else under test is real.
 */
import type { IpcMainLike, WebContentsLike } from '../../../main/app/ipc';
import type { IpcRendererLike } from '../../../preload/bridge';

type Handler = Parameters<IpcMainLike['handle']>[1];
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export class FakeElectronIpc {
  readonly handlers = new Map<string, Handler>();
  readonly listeners = new Map<string, Set<RendererListener>>();
  frame: { url: string; parent: unknown } | null;

  constructor(frameUrl: string) {
    this.frame = { url: frameUrl, parent: null };
  }

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event = { senderFrame: this.frame } as unknown as Parameters<Handler>[0];
      return structuredClone(await handler(event, ...structuredClone(args)));
    },
    on: (channel, listener) => {
      let set = this.listeners.get(channel);
      if (!set) this.listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener: (channel, listener) => {
      this.listeners.get(channel)?.delete(listener);
    },
  };

  readonly webContents: WebContentsLike = {
    send: (channel, ...args) => {
      for (const l of this.listeners.get(channel) ?? []) l({ sender: 'the IpcRendererEvent' }, ...structuredClone(args));
    },
    isDestroyed: () => false,
  };
}
