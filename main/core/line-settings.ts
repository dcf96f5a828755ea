/** What a line's link and session are built from: the parts of the settings each needs (pure). */
import type { Settings } from '../../common/schemas';
import type { LineSessionOptions, LinkTarget } from './link';

export function linkTargetOf(s: Settings): LinkTarget {
  return {
    host: s.serverHost,
    port: s.serverPort,
    transport: s.transport,
    endOfPdu: s.endOfPdu,
    requestTimeoutMs: s.requestTimeoutMs,
    eventSources: s.eventSources,
    maxReplyBytes: s.maxReplyBytes,
    httpPort: s.httpPort,
  };
}

/** `userPassword` is the SecretStore's (never in the settings); `pollTimeoutS` the line's timing. */
export function sessionOptionsOf(s: Settings, userPassword: string | undefined, pollTimeoutS: number): LineSessionOptions {
  return {
    deviceNumber: s.deviceNumber,
    eventMode: s.eventMode,
    udpPort: s.udpPort,
    ...(s.userID ? { userID: s.userID } : {}),
    ...(userPassword ? { userPassword } : {}),
    ...(s.sessionTimeout > 0 ? { sessionTimeoutS: s.sessionTimeout } : {}),
    pollTimeoutS,
  };
}
