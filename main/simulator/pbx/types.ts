/** The types of the PBX model's public interface (re-exported by model.ts). */
import type {
  TelRequest,
  OpenSessionRequest,
  CloseSessionRequest,
  SearchNameRequest,
  SearchNumberRequest,
  UpdateUserDirectoryRequest,
  UpdateDirectoryRequest,
} from '../../../common/telservices/requests';
import type { TelReply } from '../../../common/telservices/replies';
import type { TelEvent } from '../../../common/telservices/events';
import type { SnapshotInfo } from '../../../common/telservices/structures';
import type { Clock } from './clock';

/** Directory requests go to main/simulator/directory/, session requests to the server. */
export type PbxRequest = Exclude<
  TelRequest,
  | OpenSessionRequest
  | CloseSessionRequest
  | SearchNameRequest
  | SearchNumberRequest
  | UpdateUserDirectoryRequest
  | UpdateDirectoryRequest
>;

export interface DeviceConfig {
  number: string;
  userID?: string;
  isAgent?: boolean;
  name?: string;
}

export interface PbxOptions {
  clock?: Clock;
  /** Added to the default plan (1101-1110, agents 8001-8005). */
  devices?: DeviceConfig[];
  /**
   * Inbound routing points configured beside service1 (number 8000). Only the plan's agents serve
   * service1, so one of these has no agent defined: the spec's started-failed.
   */
  routingPoints?: { service: string; number?: string }[];
  /**
   * Numbers outside the plan that ring one of its devices, which sees the number as dialled (its
   * firstCalledParty): e.g. a transfer data DNIS landing on the receiving contact centre's agent.
   */
  numberRoutes?: Readonly<Record<string, string>>;
  /** default 10000 */
  noAnswerForwardDelayMs?: number;
  /** An external called party answers after this (default 2000; -1 never). */
  externalAnswerDelayMs?: number;
  /** default 30 */
  workingAfterCallSeconds?: number;
  /** For history dates (tests). Default: the clock's time. */
  today?: () => Date;
  /** Time between originated and delivered (default 0: delivered at once). */
  dialDelayMs?: number;
  /** History records kept (oldest dropped first), so a long-running simulator stays small. Default 10000. */
  historyLimit?: number;
  /** Show the consulting party's first party to the consulted device (firstOtherParty, the spec's "setting"). Default false. */
  firstOtherParty?: boolean;
  /**
   * Send each leg's callReference (the spec: for correlation with the history). Default false, as
   * the spec's examples omit it; the embedded demo turns it on.
   */
  callReference?: boolean;
  /** Write statistics percentages as the spec's example does ("1.0E2"). Default false ("100"). */
  scientificPercentages?: boolean;
  /** Told of a bug caught inside the model (a request answered resourceError, a timer that failed). */
  onInternalError?: (error: unknown) => void;
}

export interface InboundCallSpec {
  from: string;
  name?: string;
  company?: string;
  to: string;
  dnis?: string;
  extraData?: string;
  /** The caller withholds its number: TelServer shows `*****-<call reference>` (spec, Party number). */
  hidden?: boolean;
}

// Re-exported so the server can type its own code against the model's event listener.
export type PbxEventListener = (deviceNumber: string, event: TelEvent) => void;
export type { TelReply, SnapshotInfo };
