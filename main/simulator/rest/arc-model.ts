/**
 * The agent remote control mock's agents: the simulator's agent devices (8001-8005: UserID 8001
 * is device 8001), whose calls are the PBX's call legs (a consultation's held and new legs are two
 * calls here, each with an id of its own that lasts as long as the leg). getcalls reads the device's calls, dial makes
 * a call from it, hangup/hold/retrieve drop/hold/retrieve the call with that other party,
 * connectcalls transfers the two calls to each other, goready sets the agent ready. Recording
 * state and leads live here. Pure over the Pbx model.
 */
import { CALL_STATES } from '../../../common/telservices/enums';
import type { CallLeg } from '../../../common/telservices/structures';
import type { AgentNameIdPair, ArcCall, LeadPhone } from '../../rest/arc-entities';
import type { Clock, Pbx, PbxRequest } from '../pbx/model';
import { MOCK_LEADS, MOCK_RESULT_CODES } from './arc-data';

/** One leg of a device's call, as the agent API sees it: its own id. */
interface Leg {
  id: string;
  leg: CallLeg;
}

export type ArcOutcome<T> = { ok: true; data: T } | { ok: false; httpStatus: number; code: number; detail: string };

const fail = (httpStatus: number, code: number, detail: string): ArcOutcome<never> => ({ ok: false, httpStatus, code, detail });

interface Lead {
  leadId: number;
  phones: { id: number; phone: string }[];
}

export class ArcModel {
  private readonly recording = new Map<string, number>();
  private readonly disposed = new Map<string, string>();
  private readonly leads = new Map<number, Lead>();
  private readonly callLead = new Map<string, number>();
  private nextLead = 900;
  /** device:otherNumber -> ARC call id, while the leg lasts (ids are never reused). */
  private readonly legIds = new Map<string, string>();
  private nextCallId = 1;

  constructor(
    private readonly pbx: Pbx,
    private readonly clock: Clock,
  ) {
    for (const l of MOCK_LEADS) this.leads.set(l.leadId, { leadId: l.leadId, phones: l.phones.map((phone, i) => ({ id: l.leadId * 100 + i + 1, phone })) });
  }

  users(): AgentNameIdPair[] {
    return this.agents().map((d) => ({ ID: Number(d.number), FullName: d.name ?? d.userID ?? d.number }));
  }

  /** The device of a UserID, or a failure the HTTP front sends as is. */
  device(userId: string): ArcOutcome<string> {
    const found = this.agents().find((d) => d.number === userId);
    return found ? { ok: true, data: found.number } : fail(404, 404, `user ${userId} not found`);
  }

  getCalls(device: string): ArcCall[] {
    return this.calls(device).map((c) => this.toEntity(device, c));
  }

  goReady(device: string): ArcOutcome<null> {
    return this.pbxDo({ type: 'agentState', deviceNumber: device, state: 'ready' });
  }

  dial(device: string, phone: string, leadId?: string): ArcOutcome<ArcCall> {
    if (leadId !== undefined && !this.leads.has(Number(leadId))) return fail(404, 404, `lead ${leadId} not found`);
    const before = new Set(this.calls(device).map((c) => c.id));
    const done = this.pbxDo({ type: 'makeCall', deviceNumber: device, calledDeviceNumber: phone });
    if (!done.ok) return done;
    const call = this.calls(device).find((c) => !before.has(c.id) && c.leg.otherParty.number === phone);
    if (!call) return fail(409, 409, 'the call ended at once');
    this.callLead.set(key(device, call.id), leadId !== undefined ? Number(leadId) : this.leadFor(phone));
    return { ok: true, data: this.toEntity(device, call) };
  }

  /** hangup, hold, retrieve: the PBX service on the call whose other party the call id names. */
  callService(device: string, callId: string, type: 'dropCall' | 'holdCall' | 'retrieveCall'): ArcOutcome<null> {
    const call = this.find(device, callId);
    if (!call.ok) return call;
    return this.pbxDo({ type, deviceNumber: device, otherNumber: other(call.data) });
  }

  dispose(device: string, callId: string, resultCode: string): ArcOutcome<null> {
    if (!MOCK_RESULT_CODES.some((r) => r.Code === resultCode)) return fail(400, 400, `unknown result code ${resultCode}`);
    if (this.disposed.has(key(device, callId))) return fail(409, 409, `call ${callId} is already disposed`);
    const call = this.find(device, callId);
    if (call.ok) {
      const dropped = this.pbxDo({ type: 'dropCall', deviceNumber: device, otherNumber: other(call.data) });
      if (!dropped.ok) return dropped;
    } else if (!this.callLead.has(key(device, callId))) return call;
    this.disposed.set(key(device, callId), resultCode);
    return { ok: true, data: null };
  }

  setRecording(device: string, callId: string, on: boolean): ArcOutcome<null> {
    const call = this.find(device, callId);
    if (!call.ok) return call;
    this.recording.set(key(device, callId), on ? 1 : 0);
    return { ok: true, data: null };
  }

  leadPhones(leadId: string): ArcOutcome<LeadPhone[]> {
    const lead = this.leads.get(Number(leadId));
    if (!lead) return fail(404, 404, `lead ${leadId} not found`);
    return { ok: true, data: lead.phones.map((p) => ({ LeadId: lead.leadId, PhoneNumber: p.phone, RecordType: 'Phone', RecordTypeId: p.id })) };
  }

  changeLead(device: string, callId: string, leadPhoneId: string): ArcOutcome<null> {
    const call = this.find(device, callId);
    if (!call.ok) return call;
    const lead = [...this.leads.values()].find((l) => l.phones.some((p) => String(p.id) === leadPhoneId));
    if (!lead) return fail(404, 404, `lead phone ${leadPhoneId} not found`);
    this.callLead.set(key(device, callId), lead.leadId);
    return { ok: true, data: null };
  }

  createNewLead(device: string, callId: string, phone: string): ArcOutcome<null> {
    const call = this.find(device, callId);
    if (!call.ok) return call;
    this.callLead.set(key(device, callId), this.newLead(phone));
    return { ok: true, data: null };
  }

  connectCalls(device: string, ids: [string, string], codes: [string, string]): ArcOutcome<null> {
    for (const c of codes) if (!MOCK_RESULT_CODES.some((r) => r.Code === c)) return fail(400, 400, `unknown result code ${c}`);
    const a = this.find(device, ids[0]);
    if (!a.ok) return a;
    const b = this.find(device, ids[1]);
    if (!b.ok) return b;
    const done = this.pbxDo({ type: 'transferCall', deviceNumber: device, primOtherNumber: other(a.data), secOtherNumber: other(b.data) });
    if (!done.ok) return done;
    ids.forEach((id, i) => this.disposed.set(key(device, id), codes[i] as string));
    return { ok: true, data: null };
  }

  hasLead(id: number): boolean {
    return this.leads.has(id);
  }

  private agents() {
    return this.pbx.devices().filter((d) => d.isAgent === true);
  }

  private calls(device: string): Leg[] {
    const legs = (this.pbx.snapshotOf(device).calls ?? [])
      .flatMap((c) => [c.primCall, c.secCall])
      .filter((l): l is CallLeg => l !== undefined && l.state !== 'cleared');
    const present = new Set(legs.map((l) => `${device}:${l.otherParty.number}`));
    for (const k of [...this.legIds.keys()]) if (k.startsWith(`${device}:`) && !present.has(k)) this.legIds.delete(k);
    return legs.map((leg) => {
      const k = `${device}:${leg.otherParty.number}`;
      let id = this.legIds.get(k);
      if (id === undefined) {
        id = String(this.nextCallId++);
        this.legIds.set(k, id);
      }
      return { id, leg };
    });
  }

  private find(device: string, callId: string): ArcOutcome<Leg> {
    const call = this.calls(device).find((c) => c.id === callId);
    return call ? { ok: true, data: call } : fail(404, 404, `call ${callId} not found`);
  }

  private pbxDo(req: PbxRequest): ArcOutcome<null> {
    const reply = this.pbx.execute(req, {});
    if (reply.kind === 'result') return { ok: true, data: null };
    const error: unknown = reply.error;
    return fail(409, 409, `the PBX refused ${req.type}: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
  }

  private leadFor(phone: string): number {
    const found = [...this.leads.values()].reverse().find((l) => l.phones.some((p) => p.phone === phone));
    return found ? found.leadId : this.newLead(phone);
  }

  private newLead(phone: string): number {
    const leadId = this.nextLead++;
    this.leads.set(leadId, { leadId, phones: [{ id: leadId * 100 + 1, phone }] });
    return leadId;
  }

  private toEntity(device: string, call: Leg): ArcCall {
    const leg = call.leg;
    const party = leg.otherParty;
    const seconds = Number(leg.duration);
    const entity: ArcCall = {
      CallId: Number(call.id),
      CallStartTime: new Date(this.clock.now() - (Number.isFinite(seconds) ? seconds : 0) * 1000).toISOString(),
      // CallState: the TelServices state's position in CALL_STATES; CallStatus: 1 inbound, 2 outbound.
      // A state this model does not know (none today) is -1.
      CallState: typeof leg.state === 'string' ? CALL_STATES.indexOf(leg.state) : -1,
      CallStatus: leg.isOutgoing ? 2 : 1,
      CustomerName: party.name ?? '',
      CustomerName2: party.company ?? '',
      PhoneNumber: party.number,
      RecordingState: this.recording.get(key(device, call.id)) ?? 1,
    };
    return entity;
  }
}

const key = (device: string, callId: string): string => `${device}:${callId}`;
const other = (call: Leg): string => call.leg.otherParty.number;
