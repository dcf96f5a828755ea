/**
 * Builds every state class of the main window from one bridge and provides them by context. Call it
 * during a component's initialisation (App.svelte). C2 adds its classes here, beside these.
 */
import type { CtiApi } from '../../../common/contract';
import { CtiStore } from '../lib/cti-store.svelte';
import { Announcer } from './announcer.svelte';
import { ArcState } from './arc.svelte';
import { CallsState } from './calls.svelte';
import { setAnnouncer, setArc, setCalls, setDial, setDirectory, setPop, setPreferences, setStore, setTransferWithData } from './context';
import { DialState } from './dial.svelte';
import { DirectoryState } from './directory.svelte';
import { NavigationState } from './navigation.svelte';
import { PopState, type PopNotifier } from './pop.svelte';
import { Preferences, type PreferencesEnv } from './preferences.svelte';
import { TransferWithDataState } from './transfer-with-data.svelte';
import { provideViewStates, type ViewStates } from './view-contexts';

export interface AppStatesOptions {
  preferences?: PreferencesEnv;
  /** Browser notifications for a pop while the page is hidden (web mode only). */
  notifier?: PopNotifier | undefined;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export interface AppStates {
  store: CtiStore;
  preferences: Preferences;
  announcer: Announcer;
  calls: CallsState;
  pop: PopState;
  dial: DialState;
  directory: DirectoryState;
  /** The tab shown (the user's pick, or the desktop shell's showView / dialRequest). */
  navigation: NavigationState;
  /** The Remote control tab (agent remote control). */
  arc: ArcState;
  /** Transfer with data on the call cards. */
  transferWithData: TransferWithDataState;
  /** History, Features, Agent, Settings and the connection banner (state/view-contexts.ts). */
  views: ViewStates;
  destroy(): void;
}

export function provideAppStates(cti: CtiApi, opts: AppStatesOptions = {}): AppStates {
  const store = new CtiStore(cti);
  const preferences = new Preferences(opts.preferences);
  const announcer = new Announcer();
  const directory = new DirectoryState(store);
  const calls = new CallsState(store, announcer);
  const pop = new PopState(store, announcer, opts.notifier, calls);
  const dial = new DialState(store, preferences, directory, announcer, opts.storage ?? opts.preferences?.storage);
  const arc = new ArcState(store, announcer);
  const navigation = new NavigationState(store, arc);
  setStore(store);
  setPreferences(preferences);
  setAnnouncer(announcer);
  setCalls(calls);
  setPop(pop);
  setDial(dial);
  setDirectory(directory);
  setArc(arc);
  const transferWithData = new TransferWithDataState(store, announcer);
  setTransferWithData(transferWithData);
  const views = provideViewStates(store, announcer);
  return {
    store,
    preferences,
    announcer,
    calls,
    pop,
    dial,
    directory,
    navigation,
    arc,
    transferWithData,
    views,
    destroy: () => {
      pop.destroy();
      dial.destroy();
      navigation.destroy();
      arc.destroy();
      transferWithData.destroy();
      store.destroy();
    },
  };
}
