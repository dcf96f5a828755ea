/**
 * The agent remote control service over HTTP, as a mock: `webservices/services/telephony/<method>/
 * user/<UserID>/…`, the token in the cookie TokenKey, a CallActionResponse in XML by default and in
 * JSON when the request says application/json (Content-Type, as the spec puts it, or Accept).
 */
import { escapeXml } from '../../rest/xml';
import { MOCK_ACD_QUEUES, MOCK_CAMPAIGNS, MOCK_RESULT_CODES } from './arc-data';
import type { ArcModel, ArcOutcome } from './arc-model';
import { header, type MockRequest, type MockResponse } from './mock-http';

export interface ArcHttpOptions {
  model: ArcModel;
  token: string;
}

/** The XML element name of each list's items (the JSON form is a plain array). */
type Named = { element: string; items: readonly object[] } | { element: string; item: object } | null;

function tokenOf(req: MockRequest): string | undefined {
  const cookie = header(req, 'cookie') ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'TokenKey') return v.join('=');
  }
  return undefined;
}

function wantsJson(req: MockRequest): boolean {
  return /application\/json/i.test(header(req, 'content-type') ?? '') || /application\/json/i.test(header(req, 'accept') ?? '');
}

export function handleArc(o: ArcHttpOptions, req: MockRequest): MockResponse {
  const json = wantsJson(req);
  const [w, s, t, method, user, userId, ...tail] = req.segments;
  if (w !== 'webservices' || s !== 'services' || t !== 'telephony' || user !== 'user' || method === undefined || userId === undefined) {
    return respond(json, 404, false, null, 404, 'no such method');
  }
  if (req.method !== 'GET') return respond(json, 405, false, null, 405, 'GET only');
  if (tokenOf(req) !== o.token) return respond(json, 401, false, null, 401, 'invalid or missing TokenKey');
  const device = o.model.device(userId);
  if (!device.ok) return respond(json, device.httpStatus, false, null, device.code, device.detail);
  const out = serve(o.model, device.data, method, tail, req.query);
  if (!out.ok) return respond(json, out.httpStatus, false, null, out.code, out.detail);
  return respond(json, 200, true, out.data, 200, 'OK');
}

function serve(m: ArcModel, device: string, method: string, tail: string[], q: URLSearchParams): ArcOutcome<Named> {
  const list = (element: string, items: readonly object[]): ArcOutcome<Named> => ({ ok: true, data: { element, items } });
  const none = (out: ArcOutcome<null>): ArcOutcome<Named> => out;
  const [k1, v1, k2, v2] = tail;
  const callArg = k1 === 'call' && v1 !== undefined ? v1 : undefined;
  const needCall = (fn: (call: string) => ArcOutcome<Named>): ArcOutcome<Named> =>
    callArg === undefined ? bad('call/{CallID} missing') : fn(callArg);
  switch (method) {
    case 'getcalls':
      return list('Call', m.getCalls(device));
    case 'goready':
      return none(m.goReady(device));
    case 'dial': {
      if (k1 !== 'phone' || v1 === undefined) return bad('phone/{PhoneNum} missing');
      const out = m.dial(device, v1, q.get('leadid') ?? undefined);
      return out.ok ? { ok: true, data: { element: 'Call', item: out.data } } : out;
    }
    case 'hangup':
      return needCall((c) => none(m.callService(device, c, 'dropCall')));
    case 'hold':
      return needCall((c) => none(m.callService(device, c, 'holdCall')));
    case 'retrieve':
      return needCall((c) => none(m.callService(device, c, 'retrieveCall')));
    case 'dispose': {
      const code = q.get('resultcode');
      return needCall((c) => (code ? none(m.dispose(device, c, code)) : bad('resultcode missing')));
    }
    case 'stoprecord':
    case 'startrecord':
      return needCall((c) => none(m.setRecording(device, c, method === 'startrecord')));
    case 'campaigns':
      return list('Campaign', MOCK_CAMPAIGNS);
    case 'users':
      return list('AgentNameIDPair', m.users());
    case 'resultcodes':
      return list('ResultCode', MOCK_RESULT_CODES);
    case 'acdqueues':
      return list('AcdQueue', MOCK_ACD_QUEUES);
    case 'leadphones': {
      if (k1 !== 'lead' || v1 === undefined) return bad('lead/{LeadID} missing');
      const out = m.leadPhones(v1);
      return out.ok ? list('LeadPhone', out.data) : out;
    }
    case 'changelead':
      return needCall((c) => (k2 === 'leadphone' && v2 !== undefined ? none(m.changeLead(device, c, v2)) : bad('leadphone/{LeadPhoneID} missing')));
    case 'createnewlead':
      return needCall((c) => (k2 === 'phone' && v2 !== undefined ? none(m.createNewLead(device, c, v2)) : bad('phone/{PhoneNum} missing')));
    case 'connectcalls': {
      const [c1, c2, r1, r2] = ['call1', 'call2', 'resultcode1', 'resultcode2'].map((n) => q.get(n));
      if (!c1 || !c2 || !r1 || !r2) return bad('call1, call2, resultcode1 and resultcode2 are required');
      for (const n of ['numsales1', 'numsales2']) {
        const v = q.get(n);
        if (v !== null && !/^\d+$/.test(v)) return bad(`${n} must be an integer`);
      }
      return none(m.connectCalls(device, [c1, c2], [r1, r2]));
    }
    default:
      return { ok: false, httpStatus: 404, code: 404, detail: `no method ${method}` };
  }
}

const bad = (detail: string): ArcOutcome<never> => ({ ok: false, httpStatus: 400, code: 400, detail });

function respond(json: boolean, status: number, success: boolean, data: Named, code: number, detail: string): MockResponse {
  if (json) {
    const payload = data === null ? null : 'items' in data ? data.items : data.item;
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ Success: success, Data: payload, ResponseCode: code, ResponseDetail: detail }),
    };
  }
  const dataXml =
    data === null
      ? '<Data i:nil="true"/>'
      : `<Data>${('items' in data ? data.items : [data.item]).map((i) => element(data.element, i)).join('')}</Data>`;
  const body =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<CallActionResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
    `${dataXml}<ResponseCode>${code}</ResponseCode><ResponseDetail>${escapeXml(detail)}</ResponseDetail>` +
    `<Success>${success}</Success></CallActionResponse>\n`;
  return { status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}

function element(name: string, entity: object): string {
  const fields = Object.entries(entity).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`);
  return `<${name}>${fields.join('')}</${name}>`;
}
