import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import ConnectionStatus from '../../../renderer/src/components/ConnectionStatus.svelte';

describe('App', () => {
  it('shows the product name as the page heading', () => {
    render(App);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('TelServices CTI');
  });

  it('starts disconnected and says why', () => {
    render(App);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'disconnected');
    expect(status).toHaveTextContent('Not connected');
    expect(status).toHaveTextContent('No TelServer session yet');
  });

  it('takes the product name and initial state from its props', () => {
    render(App, { productName: 'Acme Phone', initialState: 'connected' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme Phone');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Connected');
    expect(status).not.toHaveTextContent('No TelServer session yet');
  });
});

describe('ConnectionStatus', () => {
  it.each([
    ['disconnected', 'Not connected'],
    ['connecting', 'Connecting…'],
    ['connected', 'Connected'],
  ] as const)('labels %s as "%s"', (state, label) => {
    render(ConnectionStatus, { state });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', state);
    expect(status.querySelector('.label')).toHaveTextContent(label);
  });

  it('re-renders when the state prop changes', async () => {
    const { rerender } = render(ConnectionStatus, { state: 'connecting' });
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    await rerender({ state: 'connected', detail: '10.0.0.5:5100' });
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
    expect(screen.getByRole('status')).toHaveTextContent('10.0.0.5:5100');
  });
});
