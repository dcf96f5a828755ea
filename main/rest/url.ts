/**
 * URLs for the REST clients: every path segment and query value percent-encoded, the base taken
 * as the user gave it (one trailing slash or none).
 */

export type QueryValue = string | number | boolean | undefined;
/** Pairs keep order and allow repeats (`property=a&property=b`). */
export type Query = ReadonlyArray<readonly [string, QueryValue]>;

/** encodeURIComponent plus the few characters it leaves that RFC 3986 reserves (!'()*). */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function queryString(query: Query): string {
  const parts = query
    .filter((pair): pair is readonly [string, string | number | boolean] => pair[1] !== undefined)
    .map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * base + '/' + encoded segments + query. `literal` segments are the spec's fixed words (sent as
 * they are); values go through encodeComponent, so a '/' or '?' in a value cannot change the path.
 */
export function buildUrl(base: string, segments: readonly Segment[], query: Query = []): string {
  const root = base.replace(/\/+$/, '');
  const path = segments.map((s) => (typeof s === 'string' ? s : encodeComponent(s.value))).join('/');
  return `${root}/${path}${queryString(query)}`;
}

/** A fixed word of the path is a string; a value is wrapped: `v(userId)`. */
export type Segment = string | { value: string };

export function v(value: string | number): Segment {
  return { value: String(value) };
}

/** Checks a --base / settings URL: http(s), no query or fragment (the paths are appended). */
export function checkBaseUrl(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return `not a URL: ${base}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${base}: only http and https are supported`;
  if (url.search !== '' || url.hash !== '') return `${base}: the base URL takes no query or fragment`;
  if (url.username !== '' || url.password !== '') return 'the base URL must not carry credentials';
  return undefined;
}
