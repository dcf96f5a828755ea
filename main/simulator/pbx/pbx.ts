/** The PBX model facade: the one class the server talks to. */
import type { TelReply } from '../../../common/telservices/replies';
import type { TelEvent } from '../../../common/telservices/events';
import type { SnapshotInfo } from '../../../common/telservices/structures';
import type { DeviceConfig, InboundCallSpec, PbxOptions, PbxRequest } from './types';

export class Pbx {
  constructor(options: PbxOptions = {}) {
    void options;
  }
  hasDevice(number: string): boolean {
    void number;
    return false;
  }
  devices(): DeviceConfig[] {
    return [];
  }
  /** Execute a service for a caller (server checked session/credentials already). Never throws: errors are replies. */
  execute(req: PbxRequest, caller: { userID?: string }): TelReply {
    void req;
    void caller;
    return { kind: 'error', error: 'resourceError' };
  }
  /** The snapshot of one device (calls, forwards, msgWaiting, doNotDisturb, agent). The server adds snapshotSeq/session. */
  snapshotOf(deviceNumber: string): SnapshotInfo {
    void deviceNumber;
    return {};
  }
  /** Every event the PBX emits, addressed to the monitored device it concerns. */
  onEvent(listener: (deviceNumber: string, event: TelEvent) => void): () => void {
    void listener;
    return () => {};
  }
  /** A device got monitored / unmonitored (openSession/close): agents may log on, etc. */
  setMonitored(deviceNumber: string, monitored: boolean): void {
    void deviceNumber;
    void monitored;
  }
  injectInboundCall(spec: InboundCallSpec): { callId: string } {
    void spec;
    return { callId: '' };
  }
  /** The external party of an outbound call answers. */
  externalAnswer(callId: string): boolean {
    void callId;
    return false;
  }
  /** The external party hangs up. */
  externalHangup(callId: string): boolean {
    void callId;
    return false;
  }
  setMsgWaiting(deviceNumber: string, on: boolean): void {
    void deviceNumber;
    void on;
  }
}
