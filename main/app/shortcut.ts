/** The global dial shortcut's glue: register it as the setting says and report what happened (main/desktop/shortcut.ts). */
import { globalShortcut } from 'electron';
import { planShortcut, shortcutOutcome, type ShortcutStatus } from '../desktop/shortcut';

export class DialShortcut {
  #registered: string | undefined;
  #status: ShortcutStatus = { state: 'off' };

  constructor(private readonly onPress: () => void) {}

  get status(): ShortcutStatus {
    return this.#status;
  }

  apply(accelerator: string): ShortcutStatus {
    const wanted = accelerator.trim();
    if (wanted === this.#registered && this.#status.state === 'registered') return this.#status;
    if (this.#registered !== undefined) globalShortcut.unregister(this.#registered);
    this.#registered = undefined;
    const env = { platform: process.platform, sessionType: process.env['XDG_SESSION_TYPE'] };
    if (planShortcut(wanted).kind !== 'register') return (this.#status = shortcutOutcome(wanted, env, { registered: false }));
    let attempt: { registered: boolean } | { error: string };
    try {
      attempt = { registered: globalShortcut.register(wanted, this.onPress) };
    } catch (error) {
      attempt = { error: error instanceof Error ? error.message : String(error) };
    }
    if ('registered' in attempt && attempt.registered) this.#registered = wanted;
    this.#status = shortcutOutcome(wanted, env, attempt);
    if (this.#status.state === 'refused') console.warn(`[shortcut] ${this.#status.message}`);
    return this.#status;
  }

  dispose(): void {
    if (this.#registered !== undefined) globalShortcut.unregister(this.#registered);
    this.#registered = undefined;
  }
}
