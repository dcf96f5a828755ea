/**
 * The core behind the contract: the lines (one per configured device), the settings, and one
 * handler per command of common/contract.ts. Electron IPC and the web bridge both sit on this.
 */
import { CtiError } from '../../common/errors';
import type { CommandHandlers, CtiEvents, SettingsView } from '../../common/contract';
import type { AppState } from '../../common/domain';
import type { DiagnosticsView } from '../../common/diagnostics';
import type { Settings } from '../../common/schemas';
import type { TelRequest } from '../../common/telservices/requests';
import { callControlHandlers, defined } from './call-handlers';
import { toHistoryEntry } from './history-entry';
import { TransferDataPop } from './transfer-data-pop';
import { testRestService } from './rest-test';
import { testConnection } from './connection-test';
import { TransfersWithData } from './transfer-with-data';
import { linePort, transferWithDataHandlers } from './transfer-with-data-wiring';
import { tdsClientOf } from './rest-clients';
import { ArcPanel, arcPanelHandlers, type ArcPanelTiming } from './arc-panel';
import { Emitter } from './emitter';
import { filterHistoryReply, historyRequest, withNames } from './history';
import { toUserStatisticsView } from './statistics';
import { Line, type LineTiming } from './line';
import type { LinkFactory } from './link';
import type { SettingsStore } from '../settings/store';
import { MemorySecretStore, secretsPresence, type SecretStore } from '../settings/secrets';

export interface CtiServiceOptions {
  settings: SettingsStore;
  /** Where the TelServer password (and the REST services' secrets) live. Default: memory, for this run only. */
  secrets?: SecretStore;
  linkFactory: LinkFactory;
  timing?: Partial<LineTiming>;
  now?: () => number;
  /** What the About view shows besides the settings (the desktop shell adds its log and status). Default: this process's versions. */
  diagnostics?: () => Promise<Omit<DiagnosticsView, 'settings'>>;
  /** The agent remote-control panel's poll timing (tests shorten it). */
  arcTiming?: Partial<ArcPanelTiming>;
}

/** Plain Node (web mode, CLI): the versions we know, no log file. */
async function processDiagnostics(): Promise<Omit<DiagnosticsView, 'settings'>> {
  return { app: { name: 'TelServices CTI', version: process.env['npm_package_version'] ?? 'dev' }, versions: { node: process.versions.node, v8: process.versions.v8 }, platform: `${process.platform} ${process.arch}`, logLines: [] };
}

/** Settings that need a new session when they change. */
const CONNECTION_KEYS: readonly (keyof Settings)[] = [
  'serverHost',
  'serverPort',
  'transport',
  'deviceNumber',
  'userID',
  'udpPort',
  'httpPort',
  'endOfPdu',
  'sessionTimeout',
  'eventMode',
  'requestTimeoutMs',
  'eventSources',
  'maxReplyBytes',
];

/** Settings values are primitives or lists of strings (eventSources): compare those by content. */
function sameSetting(a: Settings[keyof Settings], b: Settings[keyof Settings]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

export class CtiService extends Emitter<CtiEvents> {
  readonly handlers: CommandHandlers;
  readonly #store: SettingsStore;
  readonly #secrets: SecretStore;
  readonly #opts: CtiServiceOptions;
  #line: Line;
  #seq = 0;
  #unsubLine: (() => void)[] = [];
  #unsubSettings: (() => void) | undefined;
  #started = false;
  readonly #transferData: TransferDataPop;
  readonly #transfers: TransfersWithData;
  readonly #arc: ArcPanel;
  #unsubArc: (() => void) | undefined;

  constructor(opts: CtiServiceOptions) {
    super();
    this.#opts = opts;
    this.#store = opts.settings;
    this.#secrets = opts.secrets ?? new MemorySecretStore({}, 'No secret store was given: secrets last until the app quits.');
    this.#transferData = new TransferDataPop({ settings: () => this.#store.get(), secrets: this.#secrets, emit: (v) => this.emit('transferData', v) });
    this.#arc = new ArcPanel({ settings: () => this.#store.get(), secrets: this.#secrets, emit: (v) => this.emit('arcCalls', v), ...(opts.arcTiming ? { timing: opts.arcTiming } : {}) });
    this.#transfers = new TransfersWithData({ line: () => linePort(this.#line), settings: () => this.#store.get(), tds: (s) => tdsClientOf(s, this.#secrets), emit: (v) => this.emit('transferWithData', v) });
    this.#line = this.#makeLine(this.#store.get());
    this.handlers = this.#makeHandlers();
  }

  get line(): Line {
    return this.#line;
  }

  getState(): AppState {
    const state: AppState = { seq: this.#seq, lines: [this.#line.state] };
    if (this.#store.loadError) state.settingsError = this.#store.loadError;
    return state;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    if (this.#store.loadError) this.emit('error', { error: this.#store.loadError });
    this.#unsubSettings = this.#store.onChange((s) => void this.#onSettings(s));
    this.#unsubArc = this.#store.onChange(() => this.#arc.settingsChanged());
    this.#line.start();
  }

  async stop(): Promise<void> {
    this.#unsubSettings?.();
    for (const u of this.#unsubLine) u();
    this.#transferData.close();
    this.#transfers.close();
    this.#unsubArc?.();
    this.#arc.close();
    await this.#line.stop();
  }

  #makeLine(settings: Settings): Line {
    const password = this.#secrets.get('telserverPassword');
    const line = new Line({
      lineId: 'L1',
      settings,
      ...(password !== undefined ? { userPassword: password } : {}),
      linkFactory: this.#opts.linkFactory,
      ...(this.#opts.timing ? { timing: this.#opts.timing } : {}),
      ...(this.#opts.now ? { now: this.#opts.now } : {}),
    });
    this.#unsubLine = [
      line.on('patch', (patches) => {
        this.#seq += 1;
        this.emit('patch', { seq: this.#seq, lineId: line.lineId, patches });
      }),
      line.on('incomingCall', (call) => {
        this.emit('incomingCall', call);
        // After the pop, never before: the transfer data fills it in (main/core/transfer-data-pop.ts).
        void this.#transferData.onIncomingCall(call);
      }),
      line.on('connection', (connection) => this.emit('connection', { lineId: line.lineId, connection })),
      line.on('error', (error) => this.emit('error', { lineId: line.lineId, error })),
    ];
    return line;
  }

  async #onSettings(next: Settings): Promise<void> {
    if (CONNECTION_KEYS.every((k) => sameSetting(this.#line.settings[k], next[k]))) return;
    await this.#restartLine(next);
  }

  /** A new session with the current settings and secrets (the old one is closed first). */
  async #restartLine(next: Settings): Promise<void> {
    const old = this.#line;
    for (const u of this.#unsubLine) u();
    await old.stop();
    this.#line = this.#makeLine(next);
    this.#seq += 1;
    if (this.#started) this.#line.start();
    this.emit('state', this.getState());
  }

  #lineFor(id: string | undefined): Line {
    if (id !== undefined && id !== this.#line.lineId) throw new CtiError('invalidArgument', `no line ${id}`);
    return this.#line;
  }

  async #call(lineId: string | undefined, build: (device: string) => TelRequest): Promise<null> {
    const line = this.#lineFor(lineId);
    await line.command(defined(build(line.deviceNumber)));
    return null;
  }

  #settingsView(): SettingsView {
    const secretStorage = { kind: this.#secrets.kind, ...(this.#secrets.unavailableReason !== undefined ? { unavailableReason: this.#secrets.unavailableReason } : {}) };
    const view: SettingsView = { settings: this.#store.get(), secrets: secretsPresence(this.#secrets), secretStorage };
    if (this.#store.loadError) view.loadError = this.#store.loadError;
    return view;
  }

  #makeHandlers(): CommandHandlers {
    return {
      getState: async () => this.getState(),
      ...callControlHandlers((line, build) => this.#call(line, build)),
      searchDirectory: (a) => this.#lineFor(a.line).directory.search(a.query, a.limit),
      history: async (a) => {
        const line = this.#lineFor(a.line);
        const result = await line.link.request(historyRequest(a, line.deviceNumber, this.#store.get().userID));
        return result.type === 'history' ? withNames(filterHistoryReply(result.records.map(toHistoryEntry), a), (n) => line.directory.lookup(n)) : [];
      },
      userStatistics: async (a) => {
        const line = this.#lineFor(a.line);
        const userID = this.#store.get().userID;
        // Needs no session: the statistics stay readable while the line reconnects.
        const ask = (statisticsType: 'snapshot' | 'total') =>
          line.link.request(defined({ type: 'queryUserStatistics' as const, deviceNumber: line.deviceNumber, userID: userID || undefined, statisticsType }));
        const [snap, total] = await Promise.all([ask('snapshot'), ask('total')]);
        const s = snap.type === 'userStatistics' && snap.statistics.type === 'snapshot' ? snap.statistics.snapshot : {};
        const t = total.type === 'userStatistics' && total.statistics.type === 'total' ? total.statistics.total : {};
        return toUserStatisticsView(s, t, (this.#opts.now ?? Date.now)());
      },
      reconnectLine: async (a) => {
        this.#lineFor(a.line).reconnectNow();
        return null;
      },
      markMissedSeen: async (a) => {
        this.#lineFor(a.line).dispatch({ type: 'markMissedSeen' });
        return null;
      },
      qualifyCall: async (a) => {
        const line = this.#lineFor(a.line);
        const result = await line.command(defined({ type: 'qualifyCall' as const, deviceNumber: line.deviceNumber, answerCall: a.answerCall, needName: a.needName }));
        if (result.type !== 'qualifyCall') throw new CtiError('malformedReply', `qualifyCall answered ${result.type}`);
        return result.name === undefined ? { number: result.number } : { number: result.number, name: result.name };
      },
      dismissPopup: async (a) => {
        this.#lineFor(a.line).dispatch({ type: 'dismissPopup', callId: a.callId });
        return null;
      },
      getSettings: async () => this.#settingsView(),
      setSettings: async (patch) => {
        this.#store.set(patch);
        return this.#settingsView();
      },
      setSecret: async ({ key, value }) => {
        const changed = (this.#secrets.get(key) ?? '') !== value;
        this.#secrets.set(key, value);
        // The TelServer password is sent at openSession: a new one needs a new session.
        if (changed && key === 'telserverPassword') await this.#restartLine(this.#store.get());
        // A new token is tried at once, not after the panel's backoff.
        if (changed && key === 'arcToken') this.#arc.retryNow();
        return this.#settingsView();
      },
      testConnection: (a) => testConnection(this.#opts.linkFactory, { ...this.#store.get(), ...defined(a) }),
      testRestService: (a) => testRestService(a.service, { ...this.#store.get(), ...a.settings }, this.#secrets, this.#store.get().requestTimeoutMs),
      getDiagnostics: async () => ({ ...(await (this.#opts.diagnostics ?? processDiagnostics)()), settings: this.#store.get() }),
      ...transferWithDataHandlers(this.#transfers),
      ...arcPanelHandlers(this.#arc),
    };
  }
}
