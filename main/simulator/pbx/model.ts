/**
 * The public face of the simulator's PBX model: pure, clock-driven, no sockets.
 * The network server (main/simulator/server/) codes against these exports; keep them stable
 * (additive changes only).
 *
 * What the model is, in short:
 * - Numbering plan: extensions 1101-1110; agent devices 8001-8005 (user IDs agent8001-agent8005,
 *   inbound service 'service1'; 8001 and 8003 start ready, the others logged off, as in the spec's
 *   routing point example); devices from PbxOptions.devices. Routing point 'service1' answers on
 *   8000 (started-running, cyclic). Any other number starting with 0 or +, or of 5+ digits, is
 *   external; anything else is not obtainable.
 * - Events: call events reproduce the spec's call examples 1-6 event for event. Every event is
 *   emitted for the device it concerns whether or not it is monitored; the server delivers it to
 *   that device's sessions. Call events carry deviceNumber; agent/forward/DND/MWI events do not
 *   (as in the spec's examples). Events are emitted synchronously inside execute() and timers.
 * - Call ids in events are per device ('1' for the first call a device sees); the ids that
 *   injectInboundCall/listCalls/externalAnswer/externalHangup use are the PBX's own ('c1', ...);
 *   externalAnswer/externalHangup also accept the external party's number.
 * - A device holds at most two calls (active + held or waiting); a third caller gets busy.
 *   A failed call stays (state failed, permitted dropCall) until the user drops it.
 * - Errors: 'reject' for a device or routing point the PBX does not know; 'noCall' when there is
 *   no call (or none with the given other party); 'pbxReject' when the state does not permit it.
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
export { Pbx, DEFAULT_ROUTING_POINT } from './pbx';
export type { CallSummary } from './pbx';
