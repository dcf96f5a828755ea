/**
 * The bridge of a page that has none (opened without web mode's token, or a test): every command
 * answers `notConnected`, no event ever comes. The state classes then need no "no bridge" branch.
 */
import { COMMAND_NAMES, type CtiApi } from '../../../common/contract';

export function offlineCti(): CtiApi {
  const api: Record<string, unknown> = { on: () => () => undefined };
  for (const name of COMMAND_NAMES) {
    api[name] = () => Promise.resolve({ ok: false, error: { code: 'notConnected', message: 'no bridge to the core in this page' } });
  }
  return api as CtiApi;
}
