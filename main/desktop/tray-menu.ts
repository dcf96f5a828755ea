/**
 * The tray menu as a pure function of the line's state (plus the clipboard's number and the redial
 * list): a plain description that main/app/tray.ts turns into an Electron menu, and whose clicks
 * come back as typed actions.
 */
import type { AgentStateName, CallLegView, ForwardType, LineState } from '../../common/domain';
import { REQUESTABLE_AGENT_STATES, type RequestableAgentState } from '../../common/telservices/enums';
import { activeCalls, ringingCalls } from './line-status';

export type TrayAction =
  | { readonly type: 'openDialBox' }
  | { readonly type: 'dial'; readonly number: string }
  | { readonly type: 'answer'; readonly callingNumber?: string }
  | { readonly type: 'hangUp'; readonly otherNumber?: string }
  | { readonly type: 'setDnd'; readonly on: boolean }
  | { readonly type: 'setForward'; readonly forwardType: ForwardType; readonly on: boolean; readonly number?: string }
  | { readonly type: 'setAgentState'; readonly state: RequestableAgentState }
  | { readonly type: 'open' }
  | { readonly type: 'settings' }
  | { readonly type: 'quit' };

export type TrayMenuItem =
  | { readonly kind: 'action'; readonly label: string; readonly action: TrayAction; readonly enabled: boolean }
  | { readonly kind: 'checkbox'; readonly label: string; readonly checked: boolean; readonly action: TrayAction; readonly enabled: boolean }
  | { readonly kind: 'radio'; readonly label: string; readonly checked: boolean; readonly action: TrayAction; readonly enabled: boolean }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly TrayMenuItem[]; readonly enabled: boolean }
  | { readonly kind: 'separator' };

export interface TrayMenuInput {
  readonly line: LineState | undefined;
  /** A dialable number found on the clipboard (see clipboardNumber), or null. */
  readonly clipboardNumber: string | null;
  /** Most recent first; the menu shows five. */
  readonly redial: readonly string[];
}

export const REDIAL_SHOWN = 5;

const AGENT_LABELS: Readonly<Record<AgentStateName, string>> = {
  null: 'No agent',
  loggedOff: 'Logged off',
  loggedOn: 'Logged on',
  busy: 'Busy',
  notReady: 'Not ready',
  ready: 'Ready',
  workingAfterCall: 'Working after call',
};

const FORWARD_LABELS: Readonly<Record<ForwardType, string>> = {
  immediate: 'Forward all calls',
  busy: 'Forward when busy',
  noAnswer: 'Forward on no answer',
  immInt: 'Forward internal calls',
  immExt: 'Forward external calls',
  busyInt: 'Forward internal calls when busy',
  busyExt: 'Forward external calls when busy',
  noAnswerInt: 'Forward internal calls on no answer',
  noAnswerExt: 'Forward external calls on no answer',
};

function who(leg: CallLegView | undefined): string {
  if (leg === undefined) return '';
  const p = leg.otherParty;
  if (p.name) return ` ${p.name}`;
  return p.hidden || p.number === '' ? '' : ` ${p.number}`;
}

/** The number to act on, unless hidden (the PBX then picks the call itself). */
function numberOf(leg: CallLegView | undefined): string | undefined {
  if (leg === undefined || leg.otherParty.hidden || leg.otherParty.number === '') return undefined;
  return leg.otherParty.number;
}

function callItems(line: LineState, connected: boolean): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const ringing = ringingCalls(line)[0];
  if (ringing) {
    const n = numberOf(ringing.primary);
    items.push({ kind: 'action', label: `Answer${who(ringing.primary)}`, action: { type: 'answer', ...(n ? { callingNumber: n } : {}) }, enabled: connected });
  }
  const active = activeCalls(line)[0];
  const target = active ?? ringing;
  if (target) {
    const leg = target.secondary ?? target.primary;
    const n = numberOf(leg);
    items.push({ kind: 'action', label: `Hang up${who(leg)}`, action: { type: 'hangUp', ...(n ? { otherNumber: n } : {}) }, enabled: connected });
  }
  return items;
}

function featureItems(line: LineState, connected: boolean): TrayMenuItem[] {
  const items: TrayMenuItem[] = [
    { kind: 'checkbox', label: 'Do not disturb', checked: line.doNotDisturb, action: { type: 'setDnd', on: !line.doNotDisturb }, enabled: connected },
  ];
  // Only forwards that are on: unticking one turns it off; setting a new one needs a number (the window).
  for (const f of line.forwards.filter((x) => x.on)) {
    items.push({
      kind: 'checkbox',
      label: f.number ? `${FORWARD_LABELS[f.type]} to ${f.number}` : FORWARD_LABELS[f.type],
      checked: true,
      action: { type: 'setForward', forwardType: f.type, on: false },
      enabled: connected,
    });
  }
  return items;
}

function agentItems(line: LineState, connected: boolean): TrayMenuItem[] {
  const agent = line.agent;
  if (agent === undefined) return [];
  const permitted = REQUESTABLE_AGENT_STATES.filter((s) => s === agent.state || agent.permittedStates.includes(s));
  if (permitted.length === 0) return [];
  return [
    { kind: 'separator' },
    ...permitted.map(
      (state): TrayMenuItem => ({
        kind: 'radio',
        label: AGENT_LABELS[state],
        checked: agent.state === state,
        action: { type: 'setAgentState', state },
        // The current state is shown, but requesting it again is pointless.
        enabled: connected && (agent.state === state || agent.permittedStates.includes(state)),
      }),
    ),
  ];
}

export function trayMenu(input: TrayMenuInput): TrayMenuItem[] {
  const { line } = input;
  const connected = line?.connection.state === 'monitored';
  const items: TrayMenuItem[] = [{ kind: 'action', label: 'Dial…', action: { type: 'openDialBox' }, enabled: true }];
  if (input.clipboardNumber !== null) {
    items.push({ kind: 'action', label: `Dial ${input.clipboardNumber} (clipboard)`, action: { type: 'dial', number: input.clipboardNumber }, enabled: connected });
  }
  const redial = input.redial.slice(0, REDIAL_SHOWN);
  if (redial.length > 0) {
    items.push({
      kind: 'submenu',
      label: 'Redial',
      enabled: connected,
      items: redial.map((number): TrayMenuItem => ({ kind: 'action', label: number, action: { type: 'dial', number }, enabled: connected })),
    });
  }
  if (line !== undefined) {
    const calls = callItems(line, connected);
    if (calls.length > 0) items.push({ kind: 'separator' }, ...calls);
    items.push({ kind: 'separator' }, ...featureItems(line, connected), ...agentItems(line, connected));
  }
  items.push(
    { kind: 'separator' },
    { kind: 'action', label: 'Open', action: { type: 'open' }, enabled: true },
    { kind: 'action', label: 'Settings', action: { type: 'settings' }, enabled: true },
    { kind: 'separator' },
    { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true },
  );
  return items;
}
