/**
 * The desktop shell's behaviour around the line, without Electron: on every state it updates the
 * tray, shows or hides the screen pop (and flashes the taskbar, raises a notification once per
 * call), runs the call actions once per call, and keeps the redial list. main/app/ hands it thin
 * adapters (the Tray, the pop BrowserWindow, shell.openExternal, the clipboard).
 */
import type { CtiEvents, EventName } from '../../common/contract';
import type { AppState, CallView, LineState } from '../../common/domain';
import type { Settings } from '../../common/schemas';
import { planCallActions } from './call-actions';
import { OncePerCall, callMoments } from './call-events';
import { clipboardNumber, pushRedial } from './dial-link';
import { poppedCalls } from './line-status';
import type { TrayMenuInput } from './tray-menu';

export interface ShellPorts {
  readonly source: {
    on<E extends EventName>(event: E, listener: (payload: CtiEvents[E]) => void): () => void;
    getState(): AppState;
  };
  readonly settings: () => Settings;
  readonly tray: { update(input: TrayMenuInput): void };
  readonly pop: { show(opts: { calls: number; focus: boolean }): void; hide(): void };
  /** A native notification for a new ringing call. */
  readonly notify: (call: CallView) => void;
  /** Flash (or stop flashing) the taskbar entry. */
  readonly flash: (on: boolean) => void;
  readonly openExternal: (url: string) => void;
  /** The clipboard's text (Electron's clipboard API is asynchronous). */
  readonly readClipboard: () => Promise<string>;
  readonly warn: (message: string) => void;
}

export class ShellController {
  readonly #ports: ShellPorts;
  readonly #actions = new OncePerCall();
  readonly #notified = new OncePerCall();
  #line: LineState | undefined;
  #redial: string[] = [];
  #clipboard: string | null = null;
  #offs: (() => void)[] = [];

  constructor(ports: ShellPorts) {
    this.#ports = ports;
  }

  get redial(): readonly string[] {
    return this.#redial;
  }

  get line(): LineState | undefined {
    return this.#line;
  }

  start(): void {
    const refresh = (): void => this.#onState(this.#ports.source.getState().lines[0]);
    this.#offs.push(this.#ports.source.on('state', refresh), this.#ports.source.on('patch', refresh));
    refresh();
    void this.checkClipboard();
  }

  stop(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#ports.pop.hide();
    this.#ports.flash(false);
  }

  /** A number was dialled from the shell (tray, link, shortcut): it goes first in the redial list. */
  noteDialled(number: string): void {
    this.#redial = pushRedial(this.#redial, number);
    this.#updateTray();
  }

  /** Re-reads the clipboard (the glue calls this on a timer and when the menu may open). */
  async checkClipboard(): Promise<void> {
    let number: string | null;
    try {
      number = clipboardNumber(await this.#ports.readClipboard());
    } catch {
      number = null;
    }
    if (number === this.#clipboard) return;
    this.#clipboard = number;
    this.#updateTray();
  }

  /** Settings changed (pop turned off, focus on pop...): apply to what shows now. */
  settingsChanged(): void {
    this.#applyPop(this.#line);
  }

  #updateTray(): void {
    this.#ports.tray.update({ line: this.#line, clipboardNumber: this.#clipboard, redial: this.#redial });
  }

  #onState(next: LineState | undefined): void {
    const prev = this.#line;
    this.#line = next;
    if (next !== undefined) {
      const moments = callMoments(prev, next);
      for (const o of planCallActions(moments, this.#ports.settings(), this.#actions)) {
        if (o.kind === 'open') this.#ports.openExternal(o.url);
        else this.#ports.warn(`call action on ${o.event} refused: ${o.problem.code}${'scheme' in o.problem ? ` (${o.problem.scheme}:)` : ''}`);
      }
      const known = new Set(prev?.calls.map((c) => c.id));
      for (const call of next.calls) {
        const leg = call.primary;
        if (!known.has(call.id) && leg?.isOutgoing && !leg.otherParty.hidden && leg.otherParty.number !== '') this.#redial = pushRedial(this.#redial, leg.otherParty.number);
      }
    }
    this.#applyPop(next);
    this.#updateTray();
  }

  #applyPop(line: LineState | undefined): void {
    const settings = this.#ports.settings();
    const popped = poppedCalls(line);
    if (popped.length === 0 || !settings.popEnabled) {
      this.#ports.pop.hide();
      this.#ports.flash(false);
      return;
    }
    this.#ports.pop.show({ calls: popped.length, focus: settings.popFocus });
    this.#ports.flash(true);
    for (const call of popped) if (line && this.#notified.first('ring', { lineId: line.lineId, callId: call.id })) this.#ports.notify(call);
  }
}
