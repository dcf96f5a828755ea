/**
 * The agent remote control client (agent-remote-control-api.txt): every method, the token as the
 * cookie `TokenKey=<token>`, JSON asked for (XML replies read too), typed entities, and
 * `Success: false` or an HTTP error as an `arcFailed` RestError with ResponseCode/ResponseDetail.
 * Every method is a GET, but only the read-only ones are retried: a repeated dial dials twice.
 */
import { RestError } from './errors';
import { GET_RETRY, restRequest, unexpectedStatus, type RestRequest } from './http';
import { parseCallActionResponse, ResponseShapeError, type CallActionResponse } from './arc-response';
import {
  ACD_QUEUE,
  AGENT_NAME_ID_PAIR,
  CALL,
  CAMPAIGN,
  decodeEntity,
  decodeList,
  EntityError,
  LEAD_PHONE,
  RESULT_CODE,
  type AcdQueue,
  type AgentNameIdPair,
  type ArcCall,
  type Campaign,
  type LeadPhone,
  type ResultCode,
} from './arc-entities';
import { DEFAULT_REST_TIMEOUT_MS, type CallOptions } from './tds';
import { buildUrl, v, type Query, type Segment } from './url';

export interface AgentRemoteControlOptions {
  /** Everything before `/webservices/…`. */
  baseUrl: string;
  token: string;
  /** The agent (an int in the spec; kept as text, digits only). */
  userId: string;
  timeoutMs?: number;
  /** The reply format to ask for: JSON (default) or the service's own default, XML. */
  format?: 'json' | 'xml';
}

/** What every method answers: its typed data and the service's code and detail. */
export interface ArcReply<T> {
  data: T;
  responseCode?: number;
  responseDetail?: string;
}

export interface ConnectCallsInput {
  call1: string;
  call2: string;
  resultCode1: string;
  resultCode2: string;
  notes1?: string;
  notes2?: string;
  numSales1?: number;
  numSales2?: number;
}

type Decode<T> = (data: unknown) => T;
const ack: Decode<null> = () => null;

export class AgentRemoteControlClient {
  constructor(private readonly options: AgentRemoteControlOptions) {}

  getCalls(c?: CallOptions): Promise<ArcReply<ArcCall[]>> {
    return this.read('getcalls', [], [], (d) => decodeList(CALL, d, 'Call'), c);
  }
  goReady(c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('goready', [], [], ack, c);
  }
  /** Without a lead, the service matches the newest lead for the number (or creates one). */
  dial(phone: string, leadId?: string, c?: CallOptions): Promise<ArcReply<ArcCall>> {
    return this.act('dial', ['phone', v(phone)], [['leadid', leadId]], (d) => decodeEntity(CALL, single(d), 'Call'), c);
  }
  hangup(callId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('hangup', ['call', v(callId)], [], ack, c);
  }
  dispose(callId: string, resultCode: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('dispose', ['call', v(callId)], [['resultcode', resultCode]], ack, c);
  }
  hold(callId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('hold', ['call', v(callId)], [], ack, c);
  }
  retrieve(callId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('retrieve', ['call', v(callId)], [], ack, c);
  }
  stopRecord(callId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('stoprecord', ['call', v(callId)], [], ack, c);
  }
  startRecord(callId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('startrecord', ['call', v(callId)], [], ack, c);
  }
  campaigns(c?: CallOptions): Promise<ArcReply<Campaign[]>> {
    return this.read('campaigns', [], [], (d) => decodeList(CAMPAIGN, d, 'Campaign'), c);
  }
  /** `users/user/{UserID}` (the spec's other path for Users is a copy of campaigns). */
  users(c?: CallOptions): Promise<ArcReply<AgentNameIdPair[]>> {
    return this.read('users', [], [], (d) => decodeList(AGENT_NAME_ID_PAIR, d, 'AgentNameIdPair'), c);
  }
  resultCodes(c?: CallOptions): Promise<ArcReply<ResultCode[]>> {
    return this.read('resultcodes', [], [], (d) => decodeList(RESULT_CODE, d, 'ResultCode'), c);
  }
  acdQueues(c?: CallOptions): Promise<ArcReply<AcdQueue[]>> {
    return this.read('acdqueues', [], [], (d) => decodeList(ACD_QUEUE, d, 'AcdQueue'), c);
  }
  leadPhones(leadId: string, c?: CallOptions): Promise<ArcReply<LeadPhone[]>> {
    return this.read('leadphones', ['lead', v(leadId)], [], (d) => decodeList(LEAD_PHONE, d, 'LeadPhone'), c);
  }
  changeLead(callId: string, leadPhoneId: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('changelead', ['call', v(callId), 'leadphone', v(leadPhoneId)], [], ack, c);
  }
  createNewLead(callId: string, phone: string, c?: CallOptions): Promise<ArcReply<null>> {
    return this.act('createnewlead', ['call', v(callId), 'phone', v(phone)], [], ack, c);
  }
  connectCalls(input: ConnectCallsInput, c?: CallOptions): Promise<ArcReply<null>> {
    const query: Query = [
      ['call1', input.call1],
      ['call2', input.call2],
      ['resultcode1', input.resultCode1],
      ['resultcode2', input.resultCode2],
      ['notes1', input.notes1],
      ['notes2', input.notes2],
      ['numsales1', input.numSales1],
      ['numsales2', input.numSales2],
    ];
    return this.act('connectcalls', [], query, ack, c);
  }

  private read<T>(method: string, tail: Segment[], query: Query, decode: Decode<T>, c?: CallOptions): Promise<ArcReply<T>> {
    return this.call(method, tail, query, decode, true, c);
  }

  private act<T>(method: string, tail: Segment[], query: Query, decode: Decode<T>, c?: CallOptions): Promise<ArcReply<T>> {
    return this.call(method, tail, query, decode, false, c);
  }

  private async call<T>(
    method: string,
    tail: Segment[],
    query: Query,
    decode: Decode<T>,
    idempotent: boolean,
    c: CallOptions = {},
  ): Promise<ArcReply<T>> {
    const o = this.options;
    const segments: Segment[] = ['webservices', 'services', 'telephony', method, 'user', v(o.userId), ...tail];
    const req: RestRequest = {
      service: 'arc',
      method: 'GET',
      url: buildUrl(o.baseUrl, segments, query),
      // The spec asks for Content-Type; Accept is what HTTP means. Both say JSON (unless XML is wanted).
      headers:
        o.format === 'xml'
          ? { Cookie: `TokenKey=${o.token}`, Accept: 'text/xml, application/xml' }
          : { Cookie: `TokenKey=${o.token}`, Accept: 'application/json, text/xml;q=0.5', 'Content-Type': 'application/json' },
      timeoutMs: c.timeoutMs ?? o.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
      secrets: [o.token],
    };
    if (idempotent) req.retry = GET_RETRY;
    if (c.signal) req.signal = c.signal;
    const res = await restRequest(req);
    if (res.status === 401) throw new RestError('arc', 'unauthorized', `${method}: HTTP 401, token refused`, { httpStatus: 401 });
    let reply: CallActionResponse;
    try {
      reply = parseCallActionResponse(res.text, res.headers.get('content-type') ?? '');
    } catch (err) {
      if (res.status < 200 || res.status > 299) throw unexpectedStatus(req, res);
      if (err instanceof ResponseShapeError) throw new RestError('arc', 'malformedReply', `${method}: ${err.message}`);
      throw err;
    }
    if (!reply.success || res.status < 200 || res.status > 299) throw failed(method, reply, res.status);
    try {
      return { ...codes(reply), data: decode(reply.data) };
    } catch (err) {
      if (err instanceof EntityError) throw new RestError('arc', 'malformedReply', `${method}: ${err.message}`);
      throw err;
    }
  }
}

function codes(reply: CallActionResponse): Omit<ArcReply<never>, 'data'> {
  return {
    ...(reply.responseCode !== undefined ? { responseCode: reply.responseCode } : {}),
    ...(reply.responseDetail !== undefined ? { responseDetail: reply.responseDetail } : {}),
  };
}

function failed(method: string, reply: CallActionResponse, httpStatus: number): RestError {
  const detail = reply.responseDetail ?? '';
  return new RestError('arc', 'arcFailed', `${method}: ${reply.responseCode ?? '?'}${detail ? ` ${detail}` : ''}`, {
    httpStatus,
    ...(reply.responseCode !== undefined ? { responseCode: reply.responseCode } : {}),
    ...(reply.responseDetail !== undefined ? { responseDetail: reply.responseDetail } : {}),
  });
}

/** dial's Data is one Call; an XML `<Data><Call>…` wraps it once more. */
function single(data: unknown): unknown {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const keys = Object.keys(data).filter((k) => !k.startsWith('@_'));
    const only = keys.length === 1 ? (keys[0] as string) : undefined;
    if (only !== undefined && !Object.hasOwn(CALL, only)) return (data as Record<string, unknown>)[only];
  }
  return data;
}
