/**
 * The one error type of the REST clients: a CtiError (so `cti`, the core and the bridges treat it
 * like any other) that also names the service, and whose message never carries a secret.
 */
import { CtiError, type ErrorCode } from '../../common/errors';
import type { RestServiceName } from '../../common/rest-settings';

/** The services as the settings name them (common/rest-settings.ts REST_SERVICES). */
export type RestService = RestServiceName;

export type RestErrorDetail = Record<string, string | number | boolean>;

export class RestError extends CtiError {
  readonly service: RestService;

  constructor(service: RestService, code: ErrorCode, message: string, detail?: RestErrorDetail) {
    super(code, message, detail ? { service, ...detail } : { service });
    this.name = 'RestError';
    this.service = service;
  }
}

/** The forms a secret may take on the wire or in a message: as is, base64, percent-encoded. */
function forms(secret: string): string[] {
  const out = new Set([secret, Buffer.from(secret, 'utf8').toString('base64'), encodeURIComponent(secret)]);
  return [...out].filter((f) => f.length > 0);
}

/**
 * Replaces every known secret in `text` with `***`. Longest forms first, so a secret that contains
 * another is masked whole.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const all = secrets
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .flatMap(forms)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const f of all) out = out.split(f).join('***');
  return out;
}
