/** The About section's state: loads getDiagnostics on demand, copies its text. */
import type { CtiApi } from '../../../../../common/contract';
import type { DiagnosticsView } from '../../../../../common/diagnostics';
import { diagnosticsText } from './diagnostics';

export type CopyOutcome = 'copied' | 'failed';

export class AboutState {
  view = $state.raw<DiagnosticsView | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  loading = $state(false);
  copy = $state<CopyOutcome | undefined>(undefined);
  text = $derived(this.view ? diagnosticsText(this.view) : '');
  readonly #cti: Pick<CtiApi, 'getDiagnostics'>;

  constructor(cti: Pick<CtiApi, 'getDiagnostics'>) {
    this.#cti = cti;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.copy = undefined;
    try {
      const r = await this.#cti.getDiagnostics({});
      if (r.ok) {
        this.view = r.value;
        this.error = undefined;
      } else this.error = r.error.message;
    } finally {
      this.loading = false;
    }
  }

  /** `write`: the clipboard (navigator.clipboard.writeText in the page). */
  async copyText(write: (text: string) => Promise<void>): Promise<void> {
    try {
      await write(this.text);
      this.copy = 'copied';
    } catch {
      this.copy = 'failed';
    }
  }
}
