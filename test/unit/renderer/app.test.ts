import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { CallView } from '../../../common/domain';
import App from '../../../renderer/src/App.svelte';
import CallList from '../../../renderer/src/components/CallList.svelte';
import ConnectionStatus from '../../../renderer/src/components/ConnectionStatus.svelte';

describe('App', () => {
  it('shows the product name as the page heading', () => {
    render(App);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('TelServices CTI');
  });

  it('without a bridge to the core, stays disconnected and says why', () => {
    render(App, { productName: 'Acme Phone' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme Phone');
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'disconnected');
    expect(status).toHaveTextContent('Not connected');
    expect(status).toHaveTextContent('No TelServer session yet');
    expect(screen.getByText('No call')).toBeInTheDocument();
  });
});

describe('ConnectionStatus', () => {
  it.each([
    ['disconnected', 'Not connected', 'off'],
    ['connecting', 'Connecting…', 'warn'],
    ['monitored', 'Connected', 'ok'],
    ['reconnecting', 'Reconnecting…', 'warn'],
    ['linkOutOfService', 'PBX link out of service', 'warn'],
    ['stopped', 'Stopped', 'off'],
  ] as const)('labels %s as "%s"', (state, label, tone) => {
    render(ConnectionStatus, { state });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', state);
    expect(status).toHaveAttribute('data-tone', tone);
    expect(status.querySelector('.label')).toHaveTextContent(label);
  });

  it('re-renders when the state prop changes', async () => {
    const { rerender } = render(ConnectionStatus, { state: 'connecting' });
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    await rerender({ state: 'monitored', detail: 'line 1101' });
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
    expect(screen.getByRole('status')).toHaveTextContent('line 1101');
  });
});

describe('CallList', () => {
  const ringing: CallView = {
    id: '7',
    primary: {
      role: 'primary',
      state: 'alerting',
      otherParty: { number: '+33160127764', name: 'Martin Jagger', company: 'uniGone', hidden: false },
      addedParties: [],
      dialledNumber: '0800100200',
      isOutgoing: false,
      isConference: false,
      since: 0,
    },
    permittedServices: ['answerCall', 'divertCall'],
    correlatorData: 'customerId=42',
  };

  it('shows who calls, how, and the correlator data, highlighted while its popup shows', () => {
    render(CallList, { calls: [ringing], popups: ['7'] });
    const row = screen.getByRole('listitem');
    expect(row).toHaveTextContent('Martin Jagger');
    expect(row).toHaveTextContent('uniGone · +33160127764');
    expect(row).toHaveTextContent('dialled 0800100200');
    expect(row).toHaveTextContent('customerId=42');
    expect(row).toHaveClass('popup');
  });

  it('offers Answer for a ringing call and reports the click with the call id', async () => {
    const onAction = vi.fn();
    render(CallList, { calls: [ringing], popups: [], onAction });
    expect(screen.queryByRole('button', { name: 'Hang up' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(onAction).toHaveBeenCalledWith('7', 'answer');
  });
});
