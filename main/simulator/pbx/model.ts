/**
 * The public face of the simulator's PBX model: pure, clock-driven, no sockets.
 * The network server (main/simulator/server/) codes against these exports; keep them stable
 * (additive changes only).
 */
export { realClock, manualClock, type Clock } from './clock';
export type {
  PbxRequest,
  DeviceConfig,
  PbxOptions,
  InboundCallSpec,
  PbxEventListener,
  TelReply,
  SnapshotInfo,
} from './types';
export { Pbx } from './pbx';
export type { CallSummary } from './pbx';
