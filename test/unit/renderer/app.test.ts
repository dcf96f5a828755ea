import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
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
