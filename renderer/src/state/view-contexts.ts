/**
 * The contexts of the History, Features, Agent, Settings and connection-banner state classes, and
 * the one function that builds and provides them (provideAppStates calls it beside its own).
 */
import { createContext } from 'svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import { AgentState } from './agent.svelte';
import type { Announcer } from './announcer.svelte';
import { ConnectionBannerState } from './connection.svelte';
import { FeaturesState } from './features.svelte';
import { HistoryState } from './history.svelte';
import { SettingsState } from './settings.svelte';

export const [getHistory, setHistory] = createContext<HistoryState>();
export const [getFeatures, setFeatures] = createContext<FeaturesState>();
export const [getAgent, setAgent] = createContext<AgentState>();
export const [getSettings, setSettings] = createContext<SettingsState>();
export const [getConnectionBanner, setConnectionBanner] = createContext<ConnectionBannerState>();

export interface ViewStates {
  history: HistoryState;
  features: FeaturesState;
  agent: AgentState;
  settings: SettingsState;
  banner: ConnectionBannerState;
}

/** Builds the classes and sets their contexts: call during a component's initialisation. */
export function provideViewStates(store: CtiStore, announcer: Announcer): ViewStates {
  const states: ViewStates = {
    history: new HistoryState(store, announcer),
    features: new FeaturesState(store, announcer),
    agent: new AgentState(store, announcer),
    settings: new SettingsState(store),
    banner: new ConnectionBannerState(store),
  };
  setHistory(states.history);
  setFeatures(states.features);
  setAgent(states.agent);
  setSettings(states.settings);
  setConnectionBanner(states.banner);
  return states;
}
