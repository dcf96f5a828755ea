/**
 * Transfer data request bodies (`text/x-louie-xml`, Table 1-4) and session addresses. Pure.
 */
import { encodeDataPairs, type DataPairs } from './data-pairs';
import type { Segment } from './url';
import { v } from './url';
import { escapeXml } from './xml';

export type TdsMethod = 'start' | 'edit' | 'stop';

export interface TdsData {
  routing?: DataPairs;
  reporting?: DataPairs;
  agent?: DataPairs;
}

/** How a session is named in the URL (section "Identifying a Session"). */
export type TdsAddress = { guid: string } | { dnis: string; ani?: string } | { oemkey: string };

/** `by-guid/<g>`, `by-dnis/<dnis>.<ani>` (ANI '0' when there is none: Table 1-6), `by-oemkey/<k>`. */
export function addressSegments(address: TdsAddress): Segment[] {
  if ('guid' in address) return ['by-guid', v(address.guid)];
  if ('oemkey' in address) return ['by-oemkey', v(address.oemkey)];
  const ani = address.ani === undefined || address.ani === '' ? '0' : address.ani;
  return ['by-dnis', v(`${address.dnis}.${ani}`)];
}

export function describeAddress(address: TdsAddress): string {
  if ('guid' in address) return `guid ${address.guid}`;
  if ('oemkey' in address) return `oemkey ${address.oemkey}`;
  return `dnis ${address.dnis}.${address.ani ?? '0'}`;
}

export interface TdsRequestBody extends TdsData {
  method: TdsMethod;
  ani?: string;
  oemkey?: string;
}

export function requestXml(body: TdsRequestBody): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<request>', `  <method>${body.method}</method>`];
  const tag = (name: string, value: string | undefined): void => {
    if (value !== undefined) lines.push(`  <${name}>${escapeXml(value)}</${name}>`);
  };
  tag('ani', body.ani);
  tag('oemkey', body.oemkey);
  if (body.routing) tag('routingdata', encodeDataPairs(body.routing));
  if (body.reporting) tag('reportingdata', encodeDataPairs(body.reporting));
  if (body.agent) tag('agentdata', encodeDataPairs(body.agent));
  lines.push('  <command-version>1.0</command-version>', '  <service-name>transferdata</service-name>', '</request>');
  return lines.join('\n') + '\n';
}
