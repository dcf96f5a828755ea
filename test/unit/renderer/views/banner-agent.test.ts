import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { ConnectionView } from '../../../../common/domain';
import type { UserStatisticsView } from '../../../../common/statistics';
import { bannerFor } from '../../../../renderer/src/connection-banner';
import { callSeries, selectableStates, stateTimeSeries, wrapUpLeft } from '../../../../renderer/src/agent';
import ConnectionBanner from '../../../../renderer/src/components/shell/ConnectionBanner.svelte';
import AgentView from '../../../../renderer/src/views/agent/AgentView.svelte';
import { FakeCti, lineState } from './fake-cti';
import Harness from './Harness.svelte';

const conn = (over: Partial<ConnectionView>): ConnectionView => ({ state: 'monitored', eventMode: 'udp', since: 0, ...over });

describe('bannerFor', () => {
  it('nothing while monitored over UDP; a note for long-poll and snapshot', () => {
    expect(bannerFor(conn({}), 0)).toBeUndefined();
    expect(bannerFor(conn({ eventMode: 'poll' }), 0)).toMatchObject({ tone: 'info', message: 'banner.events.poll' });
    expect(bannerFor(conn({ eventMode: 'poll', eventSource: 'periodicSnapshot' }), 0)).toMatchObject({ message: 'banner.events.snapshot' });
  });

  it('reconnecting: the countdown to the next try, the attempt, the reason, Reconnect', () => {
    const m = bannerFor(conn({ state: 'reconnecting', nextRetryAt: 10_400, attempt: 3, lastError: { code: 'connectionRefused', message: 'x' } }), 5_000);
    expect(m).toEqual({ tone: 'warn', message: 'banner.reconnecting', retryInS: 6, attempt: 3, errorCode: 'connectionRefused', reconnect: true });
    expect(bannerFor(conn({ state: 'reconnecting', nextRetryAt: 1_000 }), 5_000)?.retryInS).toBe(0);
  });

  it('link out of service; stopped with the reason, Reconnect unless the app stopped it', () => {
    expect(bannerFor(conn({ state: 'linkOutOfService' }), 0)).toMatchObject({ message: 'banner.linkOutOfService', reconnect: false });
    expect(bannerFor(conn({ state: 'stopped', reason: 'closedByAdmin' }), 0)).toMatchObject({ tone: 'error', message: 'banner.stopped.admin', reconnect: true });
    expect(bannerFor(conn({ state: 'stopped', reason: 'monitoringRejected' }), 0)).toMatchObject({ message: 'banner.stopped.rejected' });
    expect(bannerFor(conn({ state: 'stopped', reason: 'stoppedByClient' }), 0)).toMatchObject({ reconnect: false });
  });
});

describe('ConnectionBanner', () => {
  it('says the state in words, counts down, and Reconnect sends reconnectLine', async () => {
    const fake = new FakeCti(lineState({ connection: conn({ state: 'reconnecting', attempt: 2, nextRetryAt: Date.now() + 5_000, lastError: { code: 'timeout', message: 't' } }) }));
    render(Harness, { cti: fake.api, view: ConnectionBanner });
    const banner = await screen.findByTestId('connection-banner');
    expect(banner).toHaveTextContent('Connection lost: reconnecting.');
    expect(banner).toHaveTextContent(/Next try in [45] s/);
    expect(banner).toHaveTextContent('Attempt 2.');
    expect(banner).toHaveTextContent('No answer in time: try again');
    await fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(fake.sent('reconnectLine')).toEqual([{ line: 'L1' }]));
    fake.setLine({ connection: conn({}) });
    await waitFor(() => expect(screen.queryByTestId('connection-banner')).toBeNull());
  });
});

const stats: UserStatisticsView = {
  fetchedAt: Date.UTC(2026, 10, 30, 10, 0, 0),
  agentState: 'ready',
  inboundServices: ['service1'],
  since: '2026-11-30T08:00:00',
  calls: { incoming: 7, incomingAnswered: 5, incomingAbandoned: 2, incomingFailed: 0, outgoing: 3, outgoingAnswered: 2, ringSeconds: 70, ringAvgSeconds: 10, ringMaxSeconds: 20, talkInSeconds: 600, talkInAvgSeconds: 120, talkInMaxSeconds: 300, talkOutSeconds: 90, talkOutAvgSeconds: 45, talkOutMaxSeconds: 60 },
  agentCalls: { incoming: 4, incomingAnswered: 3, incomingAbandoned: 1, outgoing: 0, outgoingAnswered: 0, ringSeconds: 30, ringAvgSeconds: 7, talkInSeconds: 400, talkInAvgSeconds: 133, talkOutSeconds: 0, talkOutAvgSeconds: 0 },
  stateTimes: { loggedOn: { seconds: 7200, percent: 100 }, ready: { seconds: 3600, percent: 50 }, notReady: { seconds: 1800, percent: 25 } },
};

describe('agent helpers', () => {
  const agent = { state: 'ready' as const, permittedStates: ['loggedOff', 'notReady', 'workingAfterCall', 'busy', 'ready'] as const, inboundServices: [], outboundServices: [] };
  it('offers only the permitted states that can be requested, not the current one', () => {
    expect(selectableStates({ ...agent, permittedStates: [...agent.permittedStates] })).toEqual(['loggedOff', 'notReady', 'workingAfterCall']);
  });
  it('wrap-up countdown and chart series', () => {
    expect(wrapUpLeft({ ...agent, permittedStates: [], autoStateAt: 10_500 }, 5_000)).toBe(6);
    expect(wrapUpLeft({ ...agent, permittedStates: [] }, 5_000)).toBeUndefined();
    expect(stateTimeSeries(stats)).toEqual({ labels: ['agent.state.notReady', 'agent.state.ready'], values: [30, 60], unit: 'minutes' });
    expect(callSeries(stats).values).toEqual([7, 5, 2, 3, 2]);
  });
});

describe('AgentView', () => {
  it('state, permitted choices only, wrap-up countdown, services, statistics on open', async () => {
    const fake = new FakeCti(
      lineState({
        agent: { state: 'workingAfterCall', userID: 'agent8001', autoStateAt: Date.now() + 20_000, permittedStates: ['ready', 'notReady', 'workingAfterCall'], inboundServices: ['service1'], outboundServices: [] },
      }),
    );
    fake.answer('userStatistics', { ok: true, value: stats });
    render(Harness, { cti: fake.api, view: AgentView });
    expect(await screen.findByText('Wrap-up', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText(/back to ready in (19|20) s/)).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Change state' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Not ready', 'Ready']);
    expect(screen.getByText('service1')).toBeInTheDocument();
    await waitFor(() => expect(fake.sent('userStatistics')).toHaveLength(1));
    expect(await screen.findByRole('table', { name: 'Calls' })).toHaveTextContent('Calls in7');
    expect(screen.getByRole('table', { name: 'Time per state' })).toHaveTextContent('Ready1:00:0050 %');
    await fireEvent.click(screen.getByRole('button', { name: 'Ready' }));
    await waitFor(() => expect(fake.sent('setAgentState')).toEqual([{ line: 'L1', state: 'ready' }]));
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statistics' }));
    await waitFor(() => expect(fake.sent('userStatistics')).toHaveLength(2));
  });
});
