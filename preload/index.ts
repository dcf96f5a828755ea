/**
 * The preload: exposes `window.cti`, the typed API built from common/contract.ts (one verb per
 * command, `on` for events, every subscription returning its unsubscribe), and nothing else —
 * never ipcRenderer itself. Runs sandboxed, so it is built as CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildCtiApi } from './bridge';

contextBridge.exposeInMainWorld('cti', buildCtiApi(ipcRenderer));
