import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CallCard from '../../../../renderer/src/components/call/CallCard.svelte';
import PopStack from '../../../../renderer/src/components/pop/PopStack.svelte';
import { CtiStore } from '../../../../renderer/src/lib/cti-store.svelte';
import { call, fakeCti, leg, line, party } from './fixtures';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PopStack (standalone, as the desktop pop window mounts it)', () => {
  it('shows everything the pop says and answers from it', async () => {
    const ringing = call({
      primary: leg({
        dialledNumber: '0800100200',
        redirectedBy: party({ number: '1105', name: 'Reception' }),
        redirectKind: 'diverted',
        otherParty: party({ number: '+33160127764', name: 'Martin Jagger', company: 'uniGone', numberType: 'home' }),
      }),
      correlatorData: 'customerId=42',
    });
    const f = fakeCti(line({ calls: [ringing], popups: ['7'] }));
    const store = new CtiStore(f.cti);
    await settle();
    render(PopStack, { store });
    const pop = await screen.findByRole('article');
    expect(pop).toHaveTextContent('Martin Jagger');
    expect(pop).toHaveTextContent('uniGone · home · +33160127764');
    expect(pop).toHaveTextContent('Dialled 0800100200');
    expect(pop).toHaveTextContent('diverted by Reception');
    expect(screen.getByText('customerId').tagName).toBe('DT');
    await fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(f.mock['answer']).toHaveBeenCalledWith({ line: 'line1', callingNumber: '+33160127764' });
    store.destroy();
  });

  it('a hidden caller reads "Hidden number" and offers Qualify', async () => {
    const f = fakeCti(line({ calls: [call({ primary: leg({ otherParty: party({ number: '', hidden: true }) }) })], popups: ['7'] }), {
      qualifyCall: () => ({ ok: true, value: { number: '0612' } }),
    });
    const store = new CtiStore(f.cti);
    await settle();
    render(PopStack, { store });
    expect(await screen.findByRole('article')).toHaveTextContent('Hidden number');
    await fireEvent.click(screen.getByRole('button', { name: 'Qualify' }));
    expect(f.mock['qualifyCall']).toHaveBeenCalledWith({ line: 'line1' });
    store.destroy();
  });
});

describe('CallCard', () => {
  it('Consult opens a number box; Enter sends the normalised number; only permitted buttons show', async () => {
    const onAction = vi.fn();
    const connected = call({ primary: leg({ state: 'connected', connectedAt: Date.now() - 5000 }), permittedServices: ['holdCall', 'dropCall', 'consultationCall'] });
    render(CallCard, { call: connected, who: 'Martin Jagger', country: 'FR', isBusy: () => false, lookup: () => Promise.resolve([]), onAction });
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument();
    expect(screen.getByText(/0:0[5-6]/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Consult' }));
    const box = screen.getByLabelText('Consult: number or name');
    await fireEvent.input(box, { target: { value: '01 60 12 77 64' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onAction).toHaveBeenCalledWith('consult', { number: '+33160127764' });
    expect(screen.queryByLabelText('Consult: number or name')).toBeNull();
  });

  it('a busy action shows it and cannot be pressed again', () => {
    const c = call({ primary: leg({ state: 'connected' }), permittedServices: ['holdCall'] });
    render(CallCard, { call: c, who: 'x', country: 'FR', isBusy: (a: string) => a === 'hold', lookup: () => Promise.resolve([]), onAction: vi.fn() });
    const hold = screen.getByRole('button', { name: 'Hold' });
    expect(hold).toBeDisabled();
    expect(hold).toHaveAttribute('aria-busy', 'true');
  });
});
