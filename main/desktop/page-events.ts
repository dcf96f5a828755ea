/**
 * The shell's own requests to the main window's page (contract events the core never emits:
 * dialRequest, showView), delivered on the event's channel. A window the shell has just created is
 * still loading and would drop a message sent now (its page has no listener yet): such a message
 * waits for the load, the latest one of each event only. Pure: Electron's WebContents fits PageLike.
 */
import { eventChannel, type CtiEvents, type EventName } from '../../common/contract';

/** The part of a webContents this needs. */
export interface PageLike {
  isLoading(): boolean;
  isDestroyed(): boolean;
  once(event: 'did-finish-load', listener: () => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

/** The shell's events that a page may be asked for before it has loaded. */
export type ShellEventName = Extract<EventName, 'dialRequest' | 'showView'>;

export class PageEvents {
  readonly #waiting = new WeakMap<PageLike, Map<ShellEventName, unknown>>();

  /** Sends `event` to `page` now, or when it has loaded (a later request of the same event replaces it). */
  send<E extends ShellEventName>(page: PageLike, event: E, payload: CtiEvents[E]): void {
    if (page.isDestroyed()) return;
    if (!page.isLoading()) {
      page.send(eventChannel(event), payload);
      return;
    }
    let waiting = this.#waiting.get(page);
    if (waiting === undefined) {
      const mine = new Map<ShellEventName, unknown>();
      waiting = mine;
      this.#waiting.set(page, mine);
      page.once('did-finish-load', () => {
        this.#waiting.delete(page);
        if (page.isDestroyed()) return;
        for (const [name, value] of mine) page.send(eventChannel(name), value);
      });
    }
    waiting.set(event, payload);
  }
}
