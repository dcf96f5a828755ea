/** One-line descriptions of calls, agents and forwards, and the snapshot summary (pure). */
import type { AgentInfo, CallInfo, CallLeg, ForwardInfo, Party, SnapshotInfo } from '../../common/telservices/structures';
import { isUnknownValue, type UnknownValue } from '../../common/telservices/enums';
import { keyValues } from './format-table';

/** An enumeration value as `cti` prints it: a newer server's value this client does not know says so. */
export function shown(value: string | UnknownValue): string {
  return isUnknownValue(value) ? `${value.unknown}(unknown)` : value;
}

export function describeParty(party: Party): string {
  const details = [party.name, party.company].filter((x): x is string => x !== undefined && x !== '');
  return details.length === 0 ? party.number : `${party.number} (${details.join(', ')})`;
}

function describeLeg(leg: CallLeg): string {
  const parts: string[] = [shown(leg.state)];
  // `initiated` has no other party yet (`<number/>`): say nothing rather than "to ".
  if (leg.otherParty.number !== '') parts.push(leg.isOutgoing ? 'to' : 'from', describeParty(leg.otherParty));
  if (leg.addedParties && leg.addedParties.length > 0) parts.push('+', leg.addedParties.map(describeParty).join(' + '));
  if (leg.isConference) parts.push('[conference]');
  if (leg.lastRedirectionParty) parts.push(`via ${describeParty(leg.lastRedirectionParty)}`);
  if (leg.cause) parts.push(`(${leg.cause})`);
  return parts.join(' ');
}

/** e.g. `call 1 alerting from 1101`, `call 1 hold to 1102; consult connected to 1103`. */
export function describeCall(call: CallInfo): string {
  const legs: string[] = [];
  if (call.primCall) legs.push(describeLeg(call.primCall));
  if (call.secCall) legs.push(`consult ${describeLeg(call.secCall)}`);
  return `call ${call.id} ${legs.length === 0 ? 'gone' : legs.join('; ')}`;
}

export function describeAgent(agent: AgentInfo): string {
  const parts = [`agent ${shown(agent.state)}`];
  if (agent.userID !== undefined) parts.push(`user ${agent.userID}`);
  if (agent.timeout !== undefined) parts.push(`timeout ${agent.timeout} s`);
  if (agent.inboundServices?.length) parts.push(`inbound ${agent.inboundServices.join(',')}`);
  if (agent.outboundServices?.length) parts.push(`outbound ${agent.outboundServices.join(',')}`);
  if (agent.permittedStates) parts.push(`permitted ${agent.permittedStates.join('|') || 'none'}`);
  return parts.join(', ');
}

export function describeForward(forward: ForwardInfo): string {
  return `forward ${shown(forward.type)} ${forward.state}${forward.number ? ` -> ${forward.number}` : ''}`;
}

export function describeSnapshot(snapshot: SnapshotInfo): string {
  const calls = snapshot.calls?.map((c) => {
    const permitted = c.permittedServices?.length ? `  [${c.permittedServices.join(' ')}]` : '';
    return `  ${describeCall(c)}${permitted}`;
  });
  const forwards = snapshot.forwards?.map((f) => `  ${describeForward(f).replace(/^forward /, '')}`);
  const lines = [
    keyValues([
      ['calls', calls === undefined ? undefined : calls.length === 0 ? 'none' : String(calls.length)],
    ]),
    ...(calls ?? []),
    keyValues([['forwards', forwards === undefined ? undefined : forwards.length === 0 ? 'none' : String(forwards.length)]]),
    ...(forwards ?? []),
    keyValues([
      ['msg-waiting', snapshot.msgWaiting],
      ['dnd', snapshot.doNotDisturb],
      ['agent', snapshot.agent ? describeAgent(snapshot.agent).replace(/^agent /, '') : undefined],
      ['session', snapshot.session === undefined ? undefined : shown(snapshot.session)],
      ['snapshotSeq', snapshot.snapshotSeq],
    ]),
  ];
  const text = lines.filter((l) => l !== '').join('\n');
  return text === '' ? 'empty snapshot' : text;
}
