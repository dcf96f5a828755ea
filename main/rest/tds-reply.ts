/**
 * Transfer data replies: `<reply><result><hash>` with named `<hash>` sections and `<scalar>`
 * values (attributes in single quotes), into a typed session; the status (Table 3-3) into a named
 * error. Pure.
 */
import type { RestErrorCode } from '../../common/errors';
import { decodeDataPairs, type DataPairs } from './data-pairs';
import { isXmlObject, readXml, XmlReadError, type XmlObject, type XmlValue } from './xml';

/** A `<hash>`: scalars by name, nested hashes by name. */
export interface TdsHash {
  [name: string]: string | TdsHash;
}

export interface TdsSession {
  status: string;
  statusCode: string;
  guid?: string;
  type?: string;
  dnis?: string;
  ani?: string;
  oemkey?: string;
  campaignId?: string;
  routingData?: DataPairs;
  reportingData?: DataPairs;
  agentData?: DataPairs;
  /** The data center that served the request (environment/zone). */
  zone?: string;
  /** Every scalar of the properties section as sent (the filtered set with --property). */
  properties: Readonly<Record<string, string>>;
  /** The sections beside environment and properties: the request (--echo-args) and meta (--echo-meta). */
  sections: Readonly<Record<string, TdsHash>>;
}

/** Table 3-3: status_code -> our code ('ok' for success). The status names are the codes. */
export const TDS_STATUS: Readonly<Record<string, { status: string; code: RestErrorCode | 'ok' }>> = {
  '1': { status: 'success', code: 'ok' },
  '100': { status: 'error', code: 'tds_error' },
  '101': { status: 'pool_full', code: 'pool_full' },
  '102': { status: 'no_session', code: 'no_session' },
  '103': { status: 'unknown_zone', code: 'unknown_zone' },
  '104': { status: 'campaign_not_found', code: 'campaign_not_found' },
  '201': { status: 'no_reps_logged_on', code: 'no_reps_logged_on' },
  '202': { status: 'off_hours', code: 'off_hours' },
};

/** The outcome named by a reply's status_code, else by its status word; anything else is tds_error. */
export function statusOutcome(statusCode: string, status: string): RestErrorCode | 'ok' {
  const byCode = Object.hasOwn(TDS_STATUS, statusCode) ? TDS_STATUS[statusCode] : undefined;
  if (byCode) return byCode.code;
  const byName = Object.values(TDS_STATUS).find((s) => s.status === status);
  return byName?.code ?? 'tds_error';
}

function textOf(node: XmlValue | undefined): string {
  if (typeof node === 'string') return node;
  if (isXmlObject(node)) {
    const t = node['#text'];
    return typeof t === 'string' ? t : '';
  }
  return '';
}

function list(node: XmlValue | undefined): XmlValue[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

function hashTree(node: XmlObject): TdsHash {
  const out: TdsHash = {};
  for (const s of list(node['scalar'])) {
    const name = isXmlObject(s) ? s['@_name'] : undefined;
    if (typeof name === 'string') out[name] = textOf(s);
  }
  for (const h of list(node['hash'])) {
    const name = isXmlObject(h) ? h['@_name'] : undefined;
    if (isXmlObject(h) && typeof name === 'string') out[name] = hashTree(h);
  }
  return out;
}

function scalars(hash: TdsHash | string | undefined): Record<string, string> {
  if (hash === undefined || typeof hash === 'string') return {};
  return Object.fromEntries(Object.entries(hash).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function parseTdsReply(text: string): TdsSession {
  const doc = readXml(text, ['hash', 'scalar']);
  const reply = doc['reply'];
  const result = isXmlObject(reply) ? reply['result'] : undefined;
  const top = isXmlObject(result) ? list(result['hash'])[0] : undefined;
  if (!isXmlObject(top)) throw new XmlReadError('no <reply><result><hash> in the reply');
  const tree = hashTree(top);
  const props = scalars(tree['properties']);
  const zone = scalars(tree['environment'])['zone'];
  const sections = Object.fromEntries(
    Object.entries(tree).filter(
      (e): e is [string, TdsHash] => typeof e[1] !== 'string' && e[0] !== 'environment' && e[0] !== 'properties',
    ),
  );
  const session: TdsSession = {
    status: props['status'] ?? '',
    statusCode: props['status_code'] ?? '',
    properties: props,
    sections,
  };
  const copy = (from: string, to: 'guid' | 'type' | 'dnis' | 'ani' | 'oemkey' | 'campaignId'): void => {
    const value = props[from];
    if (value !== undefined) session[to] = value;
  };
  copy('guid', 'guid');
  copy('type', 'type');
  copy('dnis', 'dnis');
  copy('ani', 'ani');
  copy('oemkey', 'oemkey');
  copy('campaign_id', 'campaignId');
  if (zone !== undefined) session.zone = zone;
  if (props['routingdata'] !== undefined) session.routingData = decodeDataPairs(props['routingdata']);
  if (props['reportingdata'] !== undefined) session.reportingData = decodeDataPairs(props['reportingdata']);
  if (props['agentdata'] !== undefined) session.agentData = decodeDataPairs(props['agentdata']);
  return session;
}
