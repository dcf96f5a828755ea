/**
 * The transfer data service over HTTP (the mock's front for TdsModel): the spec's paths under
 * `/<client_id>/struct-xml/my-callcenter/campaigns/by-id/<campaign_id>/telephony/routing/
 * transferdata/dnis`, Basic auth, `text/x-louie-xml` bodies, `<reply>` documents with single-quoted
 * attributes, `property` filters, --echo-args and --echo-meta.
 */
import { escapeXml, isXmlObject, readXml } from '../../rest/xml';
import { TDS_STATUS } from '../../rest/tds-reply';
import { basicAuth, header, text, type MockRequest, type MockResponse, type ServiceFaults } from './mock-http';
import type { TdsMockSession, TdsModel } from './tds-model';

export interface TdsHttpOptions {
  model: TdsModel;
  user: string;
  password: string;
  zone: string;
  faults: () => ServiceFaults;
}

const PREFIX = ['struct-xml', 'my-callcenter', 'campaigns', 'by-id'];
const STATUS_CODE = Object.fromEntries(Object.entries(TDS_STATUS).map(([code, s]) => [s.status, code]));
const DATA_KEYS = ['routingdata', 'reportingdata', 'agentdata'] as const;

const attr = (s: string): string => escapeXml(s);

function scalar(name: string, value: string): string {
  return `<scalar name='${attr(name)}'>${escapeXml(value)}</scalar>`;
}

function properties(status: string, session?: TdsMockSession, withData = false): [string, string][] {
  const props: [string, string][] = [
    ['status', status],
    ['status_code', STATUS_CODE[status] ?? '100'],
  ];
  if (!session) return props;
  props.push(['guid', session.guid], ['type', 'dnis'], ['dnis', session.dnis], ['campaign_id', session.campaignId]);
  if (session.ani !== '0') props.push(['ani', session.ani]);
  if (session.oemkey !== undefined) props.push(['oemkey', session.oemkey]);
  if (withData) for (const k of DATA_KEYS) props.push([k, session[k]]);
  return props;
}

interface Reply {
  httpStatus: number;
  props: [string, string][];
}

export function handleTds(o: TdsHttpOptions, req: MockRequest): MockResponse {
  const creds = basicAuth(req);
  if (!creds || creds.user !== o.user || creds.password !== o.password) {
    return text(401, 'Authorization required', { 'www-authenticate': 'Basic realm="louie"' });
  }
  // <client>/struct-xml/my-callcenter/campaigns/by-id/<campaign>/telephony/[routing/]transferdata/dnis[/by-x/<id>]
  const [client, ...rest] = req.segments;
  if (client === undefined || PREFIX.some((p, i) => rest[i] !== p)) return text(404, 'no such resource');
  const campaignId = rest[4] ?? '';
  let tail = rest.slice(5);
  if (tail[0] !== 'telephony') return text(404, 'no such resource');
  tail = tail[1] === 'routing' ? tail.slice(2) : tail.slice(1);
  if (tail[0] !== 'transferdata' || tail[1] !== 'dnis') return text(404, 'no such resource');
  const address = tail.slice(2);
  const command = `/${req.segments.join('/')}`;

  let method = 'get';
  let args: Record<string, string> = {};
  if (req.method === 'POST') {
    if (!(header(req, 'content-type') ?? '').startsWith('text/x-louie-xml')) return text(415, 'Content-Type must be text/x-louie-xml');
    try {
      args = requestArgs(req.body);
    } catch (e) {
      return xmlReply(command, o.zone, { httpStatus: 400, props: [...properties('error'), ['message', String(e)]] }, req, args);
    }
    method = args['method'] ?? '';
  } else if (req.method !== 'GET') return text(405, 'GET or POST');

  const reply = serve(o, campaignId, address, method, args, req.query);
  return xmlReply(`${command}/${method}`, o.zone, reply, req, args);
}

function serve(
  o: TdsHttpOptions,
  campaignId: string,
  address: string[],
  method: string,
  args: Record<string, string>,
  query: URLSearchParams,
): Reply {
  const forced = o.faults().tdsStatus;
  if (forced) return { httpStatus: forced === 'campaign_not_found' ? 404 : 200, props: properties(forced) };
  if (!o.model.hasCampaign(campaignId)) return { httpStatus: 404, props: properties('campaign_not_found') };
  if (address.length === 0) {
    if (method !== 'start') return { httpStatus: 400, props: [...properties('error'), ['message', `${method} needs a session address`]] };
    const out = o.model.start(campaignId, {
      ani: args['ani'] === undefined || args['ani'] === '' ? '0' : args['ani'],
      routingdata: args['routingdata'] ?? '',
      reportingdata: args['reportingdata'] ?? '',
      agentdata: args['agentdata'] ?? '',
      ...(args['oemkey'] ? { oemkey: args['oemkey'] } : {}),
    });
    if (!out.ok) return { httpStatus: 200, props: [...properties(out.status), ['message', out.message]] };
    return { httpStatus: 200, props: properties('success', out.session) };
  }
  const [by, id] = address;
  if (address.length !== 2 || (by !== 'by-guid' && by !== 'by-dnis' && by !== 'by-oemkey') || id === undefined) {
    return { httpStatus: 404, props: properties('no_session') };
  }
  const session = o.model.find(campaignId, by === 'by-guid' ? 'guid' : by === 'by-dnis' ? 'dnis' : 'oemkey', id);
  if (!session) return { httpStatus: 404, props: properties('no_session') };
  switch (method) {
    case 'get': {
      const wanted = query.getAll('property');
      const all = properties('success', session, true);
      if (wanted.length === 0 || wanted.includes('all')) return { httpStatus: 200, props: all };
      const keep = new Set(['status', 'status_code', 'guid', ...wanted]);
      return { httpStatus: 200, props: all.filter(([k]) => keep.has(k)) };
    }
    case 'edit':
    case 'stop': {
      const out =
        method === 'edit'
          ? o.model.edit(session, {
              routingdata: args['routingdata'] ?? '',
              reportingdata: args['reportingdata'] ?? '',
              agentdata: args['agentdata'] ?? '',
            })
          : o.model.stop(session);
      if (!out.ok) return { httpStatus: 404, props: properties(out.status) };
      return { httpStatus: 200, props: properties('success', out.session, method === 'stop') };
    }
    default:
      return { httpStatus: 400, props: [...properties('error'), ['message', `unknown method ${method}`]] };
  }
}

function requestArgs(body: string): Record<string, string> {
  const doc = readXml(body);
  const request = doc['request'];
  if (!isXmlObject(request)) throw new Error('no <request> element');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(request)) if (typeof v === 'string') out[k] = v;
  return out;
}

function xmlReply(command: string, zone: string, reply: Reply, req: MockRequest, args: Record<string, string>): MockResponse {
  const lines = [`<reply command='${attr(command)}'>`, '<result>', '<hash>'];
  lines.push(`<hash name='environment'>`, scalar('zone', zone), '</hash>');
  lines.push(`<hash name='properties'>`, ...reply.props.map(([k, v]) => scalar(k, v)), '</hash>');
  if (req.query.get('--echo-args') === '1') {
    lines.push(`<hash name='args'>`, ...Object.entries(args).map(([k, v]) => scalar(k, v)), '</hash>');
  }
  if (req.query.get('--echo-meta') === '1') {
    lines.push(`<hash name='meta'>`, scalar('methods', 'start edit get stop'), scalar('service-name', 'transferdata'), scalar('command-version', '1.0'), '</hash>');
  }
  lines.push('</hash>', '</result>', '</reply>');
  return { status: reply.httpStatus, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: lines.join('\n') + '\n' };
}
