/**
 * The typed contexts of the renderer's state classes: App (or a standalone window such as the pop)
 * sets them, components get them. One pair per class; C2's classes add their pairs here.
 */
import { createContext } from 'svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import type { ArcState } from './arc.svelte';
import type { CallsState } from './calls.svelte';
import type { DialState } from './dial.svelte';
import type { DirectoryState } from './directory.svelte';
import type { PopState } from './pop.svelte';
import type { Preferences } from './preferences.svelte';
import type { TransferWithDataState } from './transfer-with-data.svelte';

export const [getStore, setStore] = createContext<CtiStore>();
export const [getPreferences, setPreferences] = createContext<Preferences>();
export const [getAnnouncer, setAnnouncer] = createContext<Announcer>();
export const [getCalls, setCalls] = createContext<CallsState>();
export const [getPop, setPop] = createContext<PopState>();
export const [getDial, setDial] = createContext<DialState>();
export const [getDirectory, setDirectory] = createContext<DirectoryState>();
export const [getArc, setArc] = createContext<ArcState>();
export const [getTransferWithData, setTransferWithData] = createContext<TransferWithDataState>();
