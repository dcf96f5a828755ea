/**
 * Pure helpers of the Agent view: which states the selector offers, the working-after-call
 * countdown, and the statistics as chart series (time per agent state, calls in and out).
 */
import type { AgentStateName, AgentView } from '../../common/domain';
import { STATE_TIME_KEYS, type StateTimeKey, type UserStatisticsView } from '../../common/statistics';
import { REQUESTABLE_AGENT_STATES, type RequestableAgentState } from '../../common/telservices/enums';
import type { MessageKey } from './i18n/i18n.svelte';

/** The states the agent may ask for now: the server's permitted list, minus what cannot be requested. */
export function selectableStates(agent: AgentView): RequestableAgentState[] {
  return REQUESTABLE_AGENT_STATES.filter((s) => agent.permittedStates.includes(s) && s !== agent.state);
}

export function stateLabel(state: AgentStateName | StateTimeKey): MessageKey {
  return `agent.state.${state}`;
}

/** Whole seconds left of working-after-call, or undefined when the server set no automatic change. */
export function wrapUpLeft(agent: AgentView | undefined, now: number): number | undefined {
  if (agent?.autoStateAt === undefined) return undefined;
  return Math.max(0, Math.ceil((agent.autoStateAt - now) / 1000));
}

export interface ChartSeries {
  /** Message keys of the bars, in order. */
  labels: MessageKey[];
  values: number[];
  unit: 'minutes' | 'calls';
}

/** Minutes per agent state (the states the server reported), 'loggedOn' left out: it spans the others. */
export function stateTimeSeries(stats: UserStatisticsView): ChartSeries {
  const keys = STATE_TIME_KEYS.filter((k) => k !== 'loggedOn' && stats.stateTimes[k] !== undefined);
  return {
    labels: keys.map(stateLabel),
    values: keys.map((k) => Math.round(((stats.stateTimes[k]?.seconds ?? 0) / 60) * 10) / 10),
    unit: 'minutes',
  };
}

export function callSeries(stats: UserStatisticsView): ChartSeries {
  const c = stats.calls;
  return {
    labels: ['stats.callsIn', 'stats.answered', 'stats.abandoned', 'stats.callsOut', 'stats.outAnswered'],
    values: [c.incoming, c.incomingAnswered, c.incomingAbandoned, c.outgoing, c.outgoingAnswered],
    unit: 'calls',
  };
}
