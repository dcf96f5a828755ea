/**
 * Which view (tab) of the main window is shown. The user picks tabs; the desktop shell may ask for
 * one through the contract: `showView` (the tray's Settings) and `dialRequest` (a tel: link: the
 * tab with the dial box). A view that is not offered (Agent on a line without an agent) is ignored.
 */
import type { Unsubscribe, ViewName } from '../../../common/contract';
import type { CtiStore } from '../lib/cti-store.svelte';
import { visibleTabs, type TabId } from '../views/tabs';

/** The tab that holds the "Number to dial" box (CallsView). */
export const DIAL_TAB: TabId = 'calls';

// The contract's view names and the renderer's tabs are one list: a compile error if they drift.
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const _viewsAreTabs: Same<ViewName, TabId> = true;
void _viewsAreTabs;

export class NavigationState {
  tab = $state<TabId>('calls');
  readonly tabs: TabId[];
  readonly #offs: Unsubscribe[];

  /** `remote`: whether the agent remote control is configured (the Remote control tab). */
  constructor(store: CtiStore, remote?: { readonly configured: boolean }) {
    this.tabs = $derived(visibleTabs(store.line?.agent !== undefined, remote?.configured ?? false));
    this.#offs = [store.cti.on('showView', ({ view }) => this.show(view)), store.cti.on('dialRequest', () => this.show(DIAL_TAB))];
  }

  /** Shows `view` if this line offers it; false (nothing changes) otherwise. */
  show(view: TabId): boolean {
    if (!this.tabs.includes(view)) return false;
    this.tab = view;
    return true;
  }

  destroy(): void {
    for (const off of this.#offs) off();
  }
}
