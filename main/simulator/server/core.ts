/**
 * The simulator's request handling, free of sockets: a decoded request and who sent it in, a
 * reply out (asynchronously, because a snapshot long-poll waits). Sessions, the directory, the
 * PBX link state and the long-poll feed meet here; the PBX model does the telephony.
 */
import type { TelRequest, SnapshotRequest } from '../../../common/telservices/requests';
import type { TelReply } from '../../../common/telservices/replies';
import type { TelEvent } from '../../../common/telservices/events';
import type { SessionEventName } from '../../../common/telservices/enums';
import type { Clock, Pbx } from '../pbx/model';
import { Directory, isDirectoryRequest } from '../directory/directory';
import { ChangeFeed } from './change-feed';
import { EventSender } from './event-sender';
import { NO_FAULTS, type Faults } from './faults';
import { deviceOf, isAlertingEvent, SESSION_REQUIRED } from './request-kinds';
import { SessionTable, type SessionClient, type SessionConfig, type Requester } from './sessions';

export interface CoreOptions extends SessionConfig {
  pbx: Pbx;
  directory: Directory;
  clock: Clock;
  endOfPdu?: string;
}

export interface RequestContext extends Requester {
  /** Aborted when the client went away: a waiting long-poll stops waiting. */
  signal?: AbortSignal;
}

const err = (e: Extract<TelReply, { kind: 'error' }>['error']): TelReply => ({ kind: 'error', error: e });

export class SimulatorCore {
  readonly sessions: SessionTable;
  readonly feed: ChangeFeed;
  readonly events: EventSender;
  private currentFaults: Faults = { ...NO_FAULTS };
  private readonly sessionDatagrams = new Map<SessionEventName, Buffer>();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: CoreOptions) {
    const { pbx, clock } = options;
    this.feed = new ChangeFeed(clock);
    const senderOptions = {
      dropShare: () => this.currentFaults.dropEventShare,
      ...(options.endOfPdu ? { endOfPdu: options.endOfPdu } : {}),
    };
    this.events = new EventSender(senderOptions);
    this.sessions = new SessionTable(clock, options, {
      notify: (device, clients, event) => this.sendSessionEvent(device, clients, event),
      monitor: (device, on) => pbx.setMonitored(device, on),
      hasDevice: (device) => pbx.hasDevice(device),
    });
    this.unsubscribe = pbx.onEvent((device, event) => this.deliver(device, event));
  }

  get faults(): Faults {
    return { ...this.currentFaults };
  }

  /** Changes faults; a link going down or up is announced to every session's clients. */
  setFaults(change: Partial<Faults>): Faults {
    const wasDown = this.currentFaults.linkDown;
    this.currentFaults = { ...this.currentFaults, ...change };
    if (wasDown !== this.currentFaults.linkDown) {
      const event: SessionEventName = this.currentFaults.linkDown ? 'pbxlinkOutOfService' : 'pbxlinkInService';
      for (const s of this.sessions.all()) this.sendSessionEvent(s.device, s.clients, event);
    }
    return this.faults;
  }

  async handle(req: TelRequest, ctx: RequestContext): Promise<TelReply> {
    if (req.type === 'openSession') {
      if (this.currentFaults.linkDown) return err('pbxlinkOutOfService');
      const isNew = !this.sessions.get(req.deviceNumber);
      const reply = this.sessions.open(req, ctx.host);
      // A new session is a change: a poll with a seq from an older session answers at once.
      if (isNew && reply.kind === 'result') this.feed.changed(req.deviceNumber);
      return reply;
    }
    if (req.type === 'closeSession') return this.sessions.close(req, ctx);
    const device = deviceOf(req);
    if (device !== undefined) this.sessions.touch(device);
    // The directory is the server's own cache: it answers even while the PBX link is down.
    if (isDirectoryRequest(req)) return this.options.directory.execute(req);
    if (this.currentFaults.linkDown) return err('pbxlinkOutOfService');
    if (this.currentFaults.pbxTimeout) return err('pbxTimeout');
    if (SESSION_REQUIRED.has(req.type) && (device === undefined || !this.sessions.get(device))) {
      return err('noOpenSession');
    }
    if (req.type === 'snapshot') return this.snapshot(req, ctx.signal, ctx.transport === 'tcp' && this.options.immediateTcpPolls === true);
    const session = device === undefined ? undefined : this.sessions.get(device);
    const caller = session?.userID !== undefined ? { userID: session.userID } : {};
    return this.options.pbx.execute(req, caller);
  }

  /** Restart: every session and poller is forgotten. */
  reset(): void {
    this.sessions.dropAll();
    this.feed.reset();
  }

  close(): void {
    this.reset();
    this.unsubscribe();
    this.events.close();
  }

  /**
   * A snapshot; with resultOnEvent it answers at once if the device changed since snapshotSeq,
   * else on the next change or after the timeout. Each result carries a fresh snapshotSeq.
   * `atOnce` (immediateTcpPolls over TCP): never held, answered as if it had just timed out.
   */
  private async snapshot(req: SnapshotRequest, signal: AbortSignal | undefined, atOnce = false): Promise<TelReply> {
    const device = req.deviceNumber;
    const poll = req.resultOnEvent;
    const since = poll?.snapshotSeq === undefined ? undefined : Number(poll.snapshotSeq);
    const timeoutMs = poll === undefined ? 0 : Number(poll.timeout) * 1000;
    if (!atOnce && since !== undefined && Number.isFinite(since) && timeoutMs > 0 && !this.feed.changedSince(device, since)) {
      await this.feed.waitForChange(device, timeoutMs, signal);
    }
    const snapshot = { ...this.options.pbx.snapshotOf(device), snapshotSeq: String(this.feed.issue()) };
    const sessionEvent = since === undefined ? undefined : this.feed.sessionEventSince(device, since);
    if (sessionEvent) snapshot.session = sessionEvent;
    return { kind: 'result', result: { type: 'snapshot', snapshot } };
  }

  /** A PBX event for a device: to each client of its session (restricted ones: alerting only). */
  private deliver(device: string, event: TelEvent): void {
    this.feed.changed(device);
    const session = this.sessions.get(device);
    // startPbxMonitor false: no events until the first request starts the monitor.
    if (!session?.monitored) return;
    // Call events carry their device (the spec's examples); the model may leave it to us.
    const full: TelEvent = event.type === 'call' && event.deviceNumber === undefined ? { ...event, deviceNumber: device } : event;
    let datagram: Buffer | undefined;
    for (const c of session.clients) {
      if (c.udpPort === undefined || (c.restricted && !isAlertingEvent(full))) continue;
      datagram ??= this.events.encode(full);
      this.events.send(c.host, c.udpPort, datagram);
    }
  }

  /** Session events reach every client concerned, restricted or not: a client must learn its session ended. */
  private sendSessionEvent(device: string, clients: readonly SessionClient[], name: SessionEventName): void {
    this.feed.changed(device, name);
    // A session event names no device, so its bytes are the same for every session: encode once.
    let datagram = this.sessionDatagrams.get(name);
    if (!datagram) {
      datagram = this.events.encode({ type: 'session', session: name });
      this.sessionDatagrams.set(name, datagram);
    }
    for (const c of clients) if (c.udpPort !== undefined) this.events.send(c.host, c.udpPort, datagram);
  }
}
