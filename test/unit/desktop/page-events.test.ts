import { describe, expect, it } from 'vitest';
import { eventChannel } from '../../../common/contract';
import { PageEvents, type PageLike } from '../../../main/desktop/page-events';

/** A webContents stand-in: loading until `load()`, what it was sent recorded. */
class FakePage implements PageLike {
  loading: boolean;
  destroyed = false;
  readonly sent: [string, unknown][] = [];
  readonly #onLoad: (() => void)[] = [];
  constructor(loading: boolean) {
    this.loading = loading;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'did-finish-load', listener: () => void): void {
    this.#onLoad.push(listener);
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  load(): void {
    this.loading = false;
    this.#onLoad.splice(0).forEach((fn) => fn());
  }
}

describe('PageEvents', () => {
  it('sends at once to a loaded page, on the contract channel of the event', () => {
    const page = new FakePage(false);
    new PageEvents().send(page, 'showView', { view: 'settings' });
    expect(page.sent).toEqual([[eventChannel('showView'), { view: 'settings' }]]);
  });

  it('holds what a loading page is asked for until it has loaded, the latest of each event, one load listener', () => {
    const page = new FakePage(true);
    const events = new PageEvents();
    events.send(page, 'dialRequest', { number: '0140' });
    events.send(page, 'showView', { view: 'history' });
    events.send(page, 'dialRequest', { number: '1102' });
    expect(page.sent).toEqual([]);
    page.load();
    expect(page.sent).toEqual([
      [eventChannel('dialRequest'), { number: '1102' }],
      [eventChannel('showView'), { view: 'history' }],
    ]);
    page.load(); // a reload later: nothing is sent twice
    expect(page.sent).toHaveLength(2);
  });

  it('sends nothing to a destroyed page, before or after its load', () => {
    const closed = new FakePage(false);
    closed.destroyed = true;
    const events = new PageEvents();
    events.send(closed, 'showView', { view: 'settings' });
    const closing = new FakePage(true);
    events.send(closing, 'showView', { view: 'settings' });
    closing.destroyed = true;
    closing.load();
    expect([...closed.sent, ...closing.sent]).toEqual([]);
  });

  it('keeps two loading pages apart', () => {
    const a = new FakePage(true);
    const b = new FakePage(true);
    const events = new PageEvents();
    events.send(a, 'showView', { view: 'calls' });
    events.send(b, 'showView', { view: 'settings' });
    b.load();
    expect(b.sent).toEqual([[eventChannel('showView'), { view: 'settings' }]]);
    expect(a.sent).toEqual([]);
    a.load();
    expect(a.sent).toEqual([[eventChannel('showView'), { view: 'calls' }]]);
  });
});
