/**
 * The one typed contract between the core and every window (Electron or browser).
 *
 * Commands: name -> arguments (the zod schema in ./schemas, checked at every boundary) and result
 * type. A command never throws across the boundary: it resolves to `Result<T>` carrying either the
 * value or an `ErrorShape` with a `code`. Events: name -> payload; every subscription returns its
 * unsubscribe function.
 *
 * Main registration (main/app/ipc.ts), the preload bridge (preload/bridge.ts), the web bridge
 * (main/web) and the renderer client (renderer/src/lib) all iterate `COMMAND_NAMES` / `EVENT_NAMES`.
 */
import type { DiagnosticsView } from './diagnostics';
import type { ErrorShape } from './errors';
import type { AppState, DirectoryEntry, HistoryEntry, IncomingCall, LinePatch, ConnectionView } from './domain';
import type { TransferDataView } from './transfer-data';
import type { RestTestResult } from './rest-settings';
import type { TransferWithDataResults, TransferWithDataView } from './transfer-with-data';
import type { ArcCallsView, ArcCommandResults } from './arc-panel';
// Type-only: the preload bundle must not pull zod in. The schemas live in ./schemas.
import type { ArgsOf, InputOf, Settings } from './schemas';
import type { UserStatisticsView } from './statistics';
import type { SecretKey, SecretStorageView } from './secrets';

export type { ArgsOf, InputOf } from './schemas';

/** Every command of the contract. The zod table in ./schemas must have exactly these keys. */
export const COMMAND_NAMES = [
  'getState',
  'dial',
  'answer',
  'drop',
  'hold',
  'retrieve',
  'consult',
  'transfer',
  'conference',
  'alternate',
  'reconnect',
  'divert',
  'addParty',
  'setDnd',
  'setForward',
  'setAgentState',
  'searchDirectory',
  'history',
  'userStatistics',
  'markMissedSeen',
  'reconnectLine',
  'dismissPopup',
  'qualifyCall',
  'getSettings',
  'setSettings',
  'setSecret',
  'testConnection',
  'getDiagnostics',
  'testRestService',
  'arcWatch',
  'arcCalls',
  'arcAction',
  'arcList',
  'startTransferWithData',
  'completeTransferWithData',
  'cancelTransferWithData',
  'listTransfersWithData',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

export interface SettingsView {
  settings: Settings;
  /** Set when the stored file was bad: it was kept aside and defaults are in use. */
  loadError?: ErrorShape;
  /** Which secrets are set (never their values: send a new one with `setSecret`). */
  secrets: Record<SecretKey, boolean>;
  /** Whether secrets survive a restart here, and if not, why. */
  secretStorage: SecretStorageView;
}

export interface TestConnectionResult {
  /** Round trip of one request (searchNumber, which needs no session), in ms. */
  latencyMs: number;
  /**
   * With an HTTP port set over raw TCP (the line long-polls there when UDP fails): the same
   * request over HTTP to that port, so a wrong port shows now and not when events are lost.
   */
  httpPort?: { port: number } & ({ ok: true; latencyMs: number } | { ok: false; error: ErrorShape });
}

/** qualifyCall: who is calling (and, by default, the call answered by the server). */
export interface QualifyCallResult {
  number: string;
  name?: string;
}

/** The result type of each command. `null` stands for "done, nothing to return". */
export interface CommandResults extends ArcCommandResults, TransferWithDataResults {
  getState: AppState;
  dial: null;
  answer: null;
  drop: null;
  hold: null;
  retrieve: null;
  consult: null;
  transfer: null;
  conference: null;
  alternate: null;
  reconnect: null;
  divert: null;
  addParty: null;
  setDnd: null;
  setForward: null;
  setAgentState: null;
  searchDirectory: DirectoryEntry[];
  history: HistoryEntry[];
  userStatistics: UserStatisticsView;
  markMissedSeen: null;
  /** Reopens the line now: after the server closed it on purpose (admin, monitoring reject), the only way back; otherwise retries or resyncs at once. */
  reconnectLine: null;
  dismissPopup: null;
  qualifyCall: QualifyCallResult;
  getSettings: SettingsView;
  setSettings: SettingsView;
  setSecret: SettingsView;
  testConnection: TestConnectionResult;
  /** The About view: versions, settings (no secret in them), the log's last lines, the desktop shell's status. */
  getDiagnostics: DiagnosticsView;
  /** The settings' Test of one REST service (main/core/rest-test.ts): its round trip, or the error it answered. */
  testRestService: RestTestResult;
}

// Compile-time proof that the result table and the argument table name the same commands.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const _resultsMatchArgs: SameKeys<CommandResults, Record<CommandName, unknown>> = true;
void _resultsMatchArgs;

export type ResultOfCommand<K extends CommandName> = CommandResults[K];

/** What the core implements: one handler per command, given validated arguments. */
export type CommandHandlers = {
  [K in CommandName]: (args: ArgsOf<K>) => Promise<CommandResults[K]>;
};

/** The main window's views, in tab order (renderer/src/views/tabs.ts TAB_IDS is checked against it). */
export const VIEW_NAMES = ['calls', 'directory', 'history', 'features', 'agent', 'remote', 'settings'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface CtiEvents {
  /** The full state: sent first to every new subscriber (web) and after a settings change. */
  state: AppState;
  /** Changes to one line since `seq - 1`. */
  patch: { seq: number; lineId: string; patches: LinePatch[] };
  /** An inbound call to pop, sent once per call. */
  incomingCall: IncomingCall;
  /** A line's connection status changed (also carried in the patches; this is for logs/toasts). */
  connection: { lineId: string; connection: ConnectionView };
  /** Something failed in the background (a reconnect, a name lookup, a bad settings file). */
  error: { lineId?: string; error: ErrorShape };
  /**
   * The desktop shell asks the main window's dial box to open with this number and a focused Call
   * button (a tel:/callto: link, the tray's Dial…; number '' = empty box). Never sent in web mode.
   */
  dialRequest: { number: string };
  /** The desktop shell asks the main window to show this view (the tray's Settings). Never sent in web mode. */
  showView: { view: ViewName };
  /** The transfer data of a popped inbound call (after the pop; common/transfer-data.ts). */
  transferData: TransferDataView;
  /** The agent remote-control panel's calls view, when it changes (common/arc-panel.ts). */
  arcCalls: ArcCallsView;
  /** A transfer with data changed state (common/transfer-with-data.ts). */
  transferWithData: TransferWithDataView;
}
export type EventName = keyof CtiEvents;
export const EVENT_NAMES = ['state', 'patch', 'incomingCall', 'connection', 'error', 'dialRequest', 'transferData', 'showView', 'arcCalls', 'transferWithData'] as const satisfies readonly EventName[];

export type Unsubscribe = () => void;
export type Listener<E extends EventName> = (payload: CtiEvents[E]) => void;

/** `window.cti` (Electron) and the web client expose the same shape: one verb per command, plus `on`. */
export type CtiApi = {
  [K in CommandName]: (args: InputOf<K>) => Promise<Result<CommandResults[K]>>;
} & {
  on<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe;
};

// ---- channel names (Electron) ----
export const commandChannel = (name: CommandName): string => `cti:cmd:${name}`;
export const eventChannel = (name: EventName): string => `cti:evt:${name}`;

// ---- WebSocket frames (web mode) ----
export interface WsRequest {
  id: number;
  command: string;
  args: unknown;
}
export type WsServerFrame =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: EventName; payload: unknown };

const COMMAND_SET: ReadonlySet<string> = new Set(COMMAND_NAMES);
export function isCommandName(name: string): name is CommandName {
  return COMMAND_SET.has(name);
}
