/**
 * The views, in tab order (Alt+1 … follow the tabs shown). The Agent tab exists only for a line with an
 * agent, Remote control only when the agent remote control service is configured.
 */
import type { MessageKey } from '../i18n/i18n.svelte';

export const TAB_IDS = ['calls', 'directory', 'history', 'features', 'agent', 'remote', 'settings'] as const;
export type TabId = (typeof TAB_IDS)[number];

export const TAB_LABELS: Readonly<Record<TabId, MessageKey>> = {
  calls: 'tab.calls',
  directory: 'tab.directory',
  history: 'tab.history',
  features: 'tab.features',
  agent: 'tab.agent',
  remote: 'tab.remote',
  settings: 'tab.settings',
};

export function visibleTabs(hasAgent: boolean, hasRemote = false): TabId[] {
  return TAB_IDS.filter((id) => (id !== 'agent' || hasAgent) && (id !== 'remote' || hasRemote));
}

export function isTabId(value: string): value is TabId {
  return (TAB_IDS as readonly string[]).includes(value);
}
