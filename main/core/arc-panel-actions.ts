/**
 * The panel's verbs on the agent remote control client: one contract action or list -> one client
 * method, its answer mapped to the contract's views (arc-panel-map.ts). Exhaustive over the unions
 * of common/arc-panel.ts, so a new action fails the typecheck until it is wired here.
 */
import type { ArcAction, ArcActionResult, ArcListArgs, ArcListResult } from '../../common/arc-panel';
import type { AgentRemoteControlClient, ArcReply } from '../rest/arc';
import type { CallOptions } from '../rest/tds';
import { toAcdQueueView, toCallView, toCampaignView, toLeadPhoneView, toResultCodeView, toUserView } from './arc-panel-map';

/** Drops the separators people type in a number (the service gets digits, `+`, `*`, `#`). */
const digits = (phone: string): string => phone.replace(/[\s().-]/g, '');

function done(action: ArcAction['action'], reply: ArcReply<unknown>): ArcActionResult {
  return {
    action,
    ...(reply.responseCode !== undefined ? { responseCode: reply.responseCode } : {}),
    ...(reply.responseDetail !== undefined ? { responseDetail: reply.responseDetail } : {}),
  };
}

export async function runArcAction(client: AgentRemoteControlClient, a: ArcAction, c: CallOptions): Promise<ArcActionResult> {
  switch (a.action) {
    case 'goready':
      return done(a.action, await client.goReady(c));
    case 'dial': {
      const reply = await client.dial(digits(a.phone), a.lead, c);
      return { ...done(a.action, reply), call: toCallView(reply.data) };
    }
    case 'hangup':
      return done(a.action, await client.hangup(a.call, c));
    case 'hold':
      return done(a.action, await client.hold(a.call, c));
    case 'retrieve':
      return done(a.action, await client.retrieve(a.call, c));
    case 'stoprecord':
      return done(a.action, await client.stopRecord(a.call, c));
    case 'startrecord':
      return done(a.action, await client.startRecord(a.call, c));
    case 'dispose':
      return done(a.action, await client.dispose(a.call, a.code, c));
    case 'changelead':
      return done(a.action, await client.changeLead(a.call, a.leadPhone, c));
    case 'createnewlead':
      return done(a.action, await client.createNewLead(a.call, digits(a.phone), c));
    case 'connectcalls': {
      const input = {
        call1: a.call1,
        call2: a.call2,
        resultCode1: a.code1,
        resultCode2: a.code2,
        ...(a.notes1 !== undefined && a.notes1 !== '' ? { notes1: a.notes1 } : {}),
        ...(a.notes2 !== undefined && a.notes2 !== '' ? { notes2: a.notes2 } : {}),
        ...(a.numSales1 !== undefined ? { numSales1: a.numSales1 } : {}),
        ...(a.numSales2 !== undefined ? { numSales2: a.numSales2 } : {}),
      };
      return done(a.action, await client.connectCalls(input, c));
    }
    default: {
      const unreachable: never = a;
      return unreachable;
    }
  }
}

export async function runArcList(client: AgentRemoteControlClient, a: ArcListArgs, c: CallOptions): Promise<ArcListResult> {
  switch (a.kind) {
    case 'campaigns':
      return { kind: a.kind, items: (await client.campaigns(c)).data.map(toCampaignView) };
    case 'users':
      return { kind: a.kind, items: (await client.users(c)).data.map(toUserView) };
    case 'resultcodes':
      return { kind: a.kind, items: (await client.resultCodes(c)).data.map(toResultCodeView) };
    case 'acdqueues':
      return { kind: a.kind, items: (await client.acdQueues(c)).data.map(toAcdQueueView) };
    case 'leadphones':
      return { kind: a.kind, lead: a.lead, items: (await client.leadPhones(a.lead, c)).data.map(toLeadPhoneView) };
    default: {
      const unreachable: never = a;
      return unreachable;
    }
  }
}
