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

/**
 * The bridge this page can have: the preload's `window.cti`, or web mode's WebSocket when the URL
 * carries the per-run token (web mode always prints it). Neither: undefined, and the page says it is
 * not connected — a WebSocket without a token would only be refused.
 */
export function getCti(location: { protocol: string; host: string; search: string } = globalThis.location): CtiApi | undefined {
  if (instance) return instance;
  const fromPreload = (globalThis as { cti?: unknown }).cti;
  if (isCtiApi(fromPreload)) instance = fromPreload;
  else if (new URLSearchParams(location.search).get('token')) instance = createWebSocketCti({ url: webSocketUrlFor(location) });
  return instance;
}

export { isCtiApi };
