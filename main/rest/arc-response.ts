/**
 * The agent remote control's CallActionResponse ({Success, Data, ResponseCode, ResponseDetail}),
 * from JSON or XML (the service's default), chosen by Content-Type and, failing that, by the
 * first character. Pure.
 */
import { readXml, XmlReadError } from './xml';

export interface CallActionResponse {
  success: boolean;
  data: unknown;
  responseCode?: number;
  responseDetail?: string;
}

export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
}

/** A field by name, whatever its case (the spec writes both `Data` and "data"). */
function field(obj: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return text((value)['#text']);
  return undefined;
}

function isJson(contentType: string, body: string): boolean {
  if (/json/i.test(contentType)) return true;
  if (/xml/i.test(contentType)) return false;
  return body.trimStart().startsWith('{');
}

export function parseCallActionResponse(body: string, contentType: string): CallActionResponse {
  let root: unknown;
  if (isJson(contentType, body)) {
    try {
      root = JSON.parse(body);
    } catch (err) {
      throw new ResponseShapeError(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    try {
      const doc = readXml(body);
      const names = Object.keys(doc);
      if (names.length !== 1) throw new ResponseShapeError('expected one root element');
      root = doc[names[0] as string];
    } catch (err) {
      if (err instanceof XmlReadError) throw new ResponseShapeError(err.message);
      throw err;
    }
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new ResponseShapeError('not a CallActionResponse object');
  const obj = root as Record<string, unknown>;
  const success = text(field(obj, 'Success'));
  if (success === undefined) throw new ResponseShapeError('no Success field');
  const out: CallActionResponse = { success: success === 'true' || success === 'True' || success === '1', data: field(obj, 'Data') };
  const code = text(field(obj, 'ResponseCode'));
  if (code !== undefined && code.trim() !== '' && Number.isFinite(Number(code))) out.responseCode = Number(code);
  const detail = text(field(obj, 'ResponseDetail'));
  if (detail !== undefined) out.responseDetail = detail;
  return out;
}
