/**
 * Placeholder preload: exposes only the app version. The typed `window.cti` API built
 * from common/contract.ts replaces this file; it runs sandboxed (built as CommonJS).
 */
import { contextBridge } from 'electron';

declare const __APP_VERSION__: string;

contextBridge.exposeInMainWorld('cti', Object.freeze({ version: __APP_VERSION__ }));
