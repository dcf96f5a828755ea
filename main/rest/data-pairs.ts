/**
 * The transfer data service's key/value data (routingdata, reportingdata, agentdata), both ways,
 * as the specs README reads Table 3-2: `%`, `&` and `=` inside a key or value are first
 * percent-encoded, the pairs `key=value` are joined by `&`, and the whole string is URL-encoded
 * once. So `name=John Smith` -> `name%3DJohn%20Smith`, and a value `a&b` -> `a%2526b`.
 * Pure; pairs keep their order (a screen pop shows them as sent).
 */

export type DataPair = readonly [key: string, value: string];
export type DataPairs = readonly DataPair[];

export class DataEncodingError extends Error {
  override name = 'DataEncodingError';
}

function escapeInner(text: string): string {
  return text.replace(/[%&=]/g, (c) => ({ '%': '%25', '&': '%26', '=': '%3D' })[c] as string);
}

function encodeOnce(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new DataEncodingError('the data holds a lone UTF-16 surrogate, which cannot be sent');
  }
}

export function encodeDataPairs(pairs: DataPairs): string {
  return encodeOnce(pairs.map(([k, v]) => `${escapeInner(k)}=${escapeInner(v)}`).join('&'));
}

/** The inner decode tolerates what other senders write: a bare `%` that starts no escape stays. */
function decodeInner(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function decodeDataPairs(wire: string): DataPair[] {
  let joined: string;
  try {
    joined = decodeURIComponent(wire);
  } catch {
    throw new DataEncodingError(`not URL-encoded data: ${wire.slice(0, 80)}`);
  }
  if (joined === '') return [];
  return joined.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0
      ? ([decodeInner(part), ''] as const)
      : ([decodeInner(part.slice(0, eq)), decodeInner(part.slice(eq + 1))] as const);
  });
}

/** `k=v` (the CLI's --agent/--routing/--reporting): split on the first `=`. */
export function parsePairArgument(text: string): DataPair | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  return [text.slice(0, eq), text.slice(eq + 1)];
}
