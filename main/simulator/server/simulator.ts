/**
 * One running simulator: the PBX model and the directory behind a network front, with the
 * control surface tests, scenarios and the control API drive. Restart keeps the PBX model (calls
 * in progress go on, as when a TelServer restarts beside a running PBX) and loses every session.
 */
import type { CallInfo } from '../../../common/telservices/structures';
import type { CallSummary, Clock, InboundCallSpec, Pbx } from '../pbx/model';
import type { Directory } from '../directory/directory';
import { SimulatorCore } from './core';
import type { Faults } from './faults';
import { NO_FAULTS } from './faults';
import { Front } from './front';
import type { SessionConfig } from './sessions';

export interface SimulatorState {
  host: string;
  port: number;
  faults: Faults;
  sessions: Array<{
    device: string;
    userID?: string;
    clients: Array<{ host: string; udpPort?: number; restricted: boolean }>;
  }>;
  eventsSent: number;
  eventsDropped: number;
  openConnections: number;
  waitingPolls: number;
  restarts: number;
}

/** What tests, scenarios and the control API may do to a running simulator. */
export type SessionCloseReason = 'admin' | 'monitoringReject';

export interface SimulatorControl {
  /** An external caller rings a device; the id is the model's call id. */
  injectCall(spec: InboundCallSpec): { callId: string };
  /** The external party answers (an outbound call to it). */
  answer(callId: string): boolean;
  /** The external party hangs up. */
  hangup(callId: string): boolean;
  setMsgWaiting(deviceNumber: string, on: boolean): void;
  setFaults(change: Partial<Faults>): Faults;
  clearFaults(): Faults;
  /**
   * The server closes a device's session: its clients get sessionClosedByAdmin ('admin', the
   * administrator) or sessionClosedByMonitoringReject ('monitoringReject', the PBX refused to monitor).
   */
  closeSession(deviceNumber: string, why?: SessionCloseReason): boolean;
  /** Close every socket, lose every session, listen again on the same port. */
  restart(): Promise<void>;
  state(): SimulatorState;
  /** The calls in progress, with the ids answer/hangup take. */
  calls(): CallSummary[];
  /** A campaign routing point has no more calls to launch: started-completed (false if it is no running campaign). */
  completeCampaign(service: string): boolean;
  /** Every call event the model emits (for scenarios that react to an answer). */
  onCallEvent(listener: (deviceNumber: string, call: CallInfo) => void): () => void;
}

export interface ServerOptions extends SessionConfig {
  host: string;
  port: number;
  endOfPdu?: string;
  /** A connection that sends no complete request within this is closed (both transports). Default 10 s. */
  requestTimeoutMs?: number;
  pbx: Pbx;
  directory: Directory;
  clock: Clock;
}

export class Simulator implements SimulatorControl {
  readonly core: SimulatorCore;
  private readonly front: Front;
  private boundPort = 0;
  private restarts = 0;

  constructor(private readonly options: ServerOptions) {
    this.core = new SimulatorCore(options);
    this.front = new Front({
      host: options.host,
      handle: (req, ctx) => this.core.handle(req, ctx),
      faults: () => this.core.faults,
      ...(options.endOfPdu ? { endOfPdu: options.endOfPdu } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
  }

  get port(): number {
    return this.boundPort;
  }

  async start(): Promise<number> {
    this.boundPort = await this.front.listen(this.options.port);
    return this.boundPort;
  }

  async close(): Promise<void> {
    await this.front.close();
    this.core.close();
  }

  injectCall(spec: InboundCallSpec): { callId: string } {
    return this.options.pbx.injectInboundCall(spec);
  }

  answer(callId: string): boolean {
    return this.options.pbx.externalAnswer(callId);
  }

  hangup(callId: string): boolean {
    return this.options.pbx.externalHangup(callId);
  }

  setMsgWaiting(deviceNumber: string, on: boolean): void {
    this.options.pbx.setMsgWaiting(deviceNumber, on);
  }

  setFaults(change: Partial<Faults>): Faults {
    return this.core.setFaults(change);
  }

  clearFaults(): Faults {
    return this.core.setFaults({ ...NO_FAULTS });
  }

  closeSession(deviceNumber: string, why: SessionCloseReason = 'admin'): boolean {
    const session = this.core.sessions.get(deviceNumber);
    if (!session) return false;
    this.core.sessions.end(session, why === 'admin' ? 'sessionClosedByAdmin' : 'sessionClosedByMonitoringReject');
    return true;
  }

  async restart(): Promise<void> {
    await this.front.close();
    this.core.reset();
    this.restarts++;
    // The same port again: clients keep their configuration and must simply reopen their sessions.
    await this.front.listen(this.boundPort);
  }

  state(): SimulatorState {
    return {
      host: this.options.host,
      port: this.boundPort,
      faults: this.core.faults,
      sessions: this.core.sessions.all().map((s) => ({
        device: s.device,
        ...(s.userID !== undefined ? { userID: s.userID } : {}),
        clients: s.clients.map((c) => ({ ...c })),
      })),
      eventsSent: this.core.events.sent,
      eventsDropped: this.core.events.dropped,
      openConnections: this.front.connections,
      waitingPolls: this.core.feed.waiting,
      restarts: this.restarts,
    };
  }

  calls(): CallSummary[] {
    return this.options.pbx.listCalls();
  }

  completeCampaign(service: string): boolean {
    return this.options.pbx.completeCampaign(service);
  }

  onCallEvent(listener: (deviceNumber: string, call: CallInfo) => void): () => void {
    return this.options.pbx.onEvent((device, event) => {
      if (event.type === 'call') listener(device, event.call);
    });
  }
}
