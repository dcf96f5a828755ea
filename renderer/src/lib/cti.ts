/**
 * The renderer's one way to the core: Electron's `window.cti` (built by the preload from the
 * contract) when present, otherwise web mode's WebSocket. Components never know which.
 */
import { COMMAND_NAMES, type CtiApi } from '../../../common/contract';
import { createWebSocketCti, webSocketUrlFor } from './ws-client';

function isCtiApi(value: unknown): value is CtiApi {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['on'] === 'function' && COMMAND_NAMES.every((n) => typeof v[n] === 'function');
}

let instance: CtiApi | undefined;

export function getCti(): CtiApi {
  if (instance) return instance;
  const fromPreload = (globalThis as { cti?: unknown }).cti;
  instance = isCtiApi(fromPreload) ? fromPreload : createWebSocketCti({ url: webSocketUrlFor(globalThis.location) });
  return instance;
}

export { isCtiApi };
