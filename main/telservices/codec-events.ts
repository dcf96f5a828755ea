/**
 * Events: `<TelServiceEvent>[<deviceNumber>…</deviceNumber>]<event><X>…</X></event></TelServiceEvent>`.
 * Call events are the hot path: one walk over the tree, no intermediate objects beyond the result.
 */
import { EVENT_TYPES, type TelEvent, type TelEventBody, type TelEventType } from '../../common/telservices/events';
import { readChoice, readWithin, text, unknownVariant, writeWithin, type Codec } from './codec-core';
import { agentInfo, callInfo, forwardInfo, onOff, sessionEvent } from './codec-structures';
import { DecodeFault, rethrowWithin } from './xml-fault';
import { childrenOf, nodeName, textOf, type XmlNode } from './xml-reader';
import { element } from './xml-writer';

function writeEventBody(event: TelEventBody): string {
  const type = event.type;
  switch (event.type) {
    case 'agent':
      return element(type, writeWithin(type, agentInfo, event.agent));
    case 'call':
      return element(type, writeWithin(type, callInfo, event.call));
    case 'forward':
      return element(type, writeWithin(type, forwardInfo, event.forward));
    case 'doNotDisturb':
    case 'msgWaiting':
      return element(type, writeWithin(type, onOff, event.state));
    case 'session':
      return element(type, writeWithin(type, sessionEvent, event.session));
    default:
      return unknownVariant(event, 'event');
  }
}

const TYPES: ReadonlySet<TelEventType> = new Set(EVENT_TYPES);

function readEventBody(children: readonly XmlNode[]): TelEventBody {
  const { name, children: kids } = readChoice<TelEventType>(children, TYPES);
  switch (name) {
    case 'agent':
      return { type: name, agent: readWithin(name, agentInfo, kids) };
    case 'call':
      return { type: name, call: readWithin(name, callInfo, kids) };
    case 'forward':
      return { type: name, forward: readWithin(name, forwardInfo, kids) };
    case 'doNotDisturb':
    case 'msgWaiting':
      return { type: name, state: readWithin(name, onOff, kids) };
    case 'session':
      return { type: name, session: readWithin(name, sessionEvent, kids) };
    default: {
      const unexpected: never = name;
      throw new DecodeFault(`unknown event <${String(unexpected)}>`);
    }
  }
}

const eventBody: Codec<TelEventBody> = { write: writeEventBody, read: readEventBody };

/** The content of `<TelServiceEvent>`. */
export function writeEventContent(event: TelEvent): string {
  const device = event.deviceNumber === undefined ? '' : element('deviceNumber', writeWithin('deviceNumber', text, event.deviceNumber));
  return device + element('event', writeWithin('event', eventBody, event));
}

/** The event from the children of `<TelServiceEvent>`: an optional `<deviceNumber>`, a required `<event>`. */
export function readEventContent(children: readonly XmlNode[]): TelEvent {
  let deviceNumber: string | undefined;
  let body: TelEventBody | undefined;
  for (const child of children) {
    const name = nodeName(child);
    if (name === 'deviceNumber') {
      if (deviceNumber !== undefined) throw new DecodeFault('<deviceNumber> appears twice');
      deviceNumber = textOf(childrenOf(child, name));
    } else if (name === 'event') {
      if (body !== undefined) throw new DecodeFault('<event> appears twice');
      try {
        body = readEventBody(childrenOf(child, name));
      } catch (err) {
        rethrowWithin(err, 'event');
      }
    }
  }
  if (body === undefined) throw new DecodeFault('missing <event>');
  if (deviceNumber !== undefined) (body as TelEvent).deviceNumber = deviceNumber; // our own fresh object
  return body;
}
