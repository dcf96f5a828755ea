import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import App from '../../../../renderer/src/App.svelte';
import { call, fakeCti, leg, line } from './fixtures';

const settle = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await tick();
};

describe('App with the agent views', () => {
  it('Directory: search as you type lists each person once; Call dials the number', async () => {
    const f = fakeCti(line(), {
      searchDirectory: () => ({ ok: true, value: [{ number: '+801', name: 'Marcel Jagger', company: 'uniGone', numberType: 'work' }, { number: '+33612', name: 'Marcel Jagger', company: 'uniGone', numberType: 'mobile' }] }),
    });
    render(App, { cti: f.cti });
    await settle();
    await fireEvent.keyDown(window, { key: 'f', code: 'KeyF', altKey: true });
    await settle();
    const search = screen.getByLabelText('Search the directory');
    expect(document.activeElement).toBe(search);
    await fireEvent.input(search, { target: { value: 'Jagger' } });
    await settle();
    expect(f.mock['searchDirectory']).toHaveBeenCalledWith({ query: 'Jagger', line: 'line1' });
    expect(screen.getByText('People found: 1')).toBeInTheDocument();
  });

  it('Calls: the dial box dials the normalised number on Enter; a ringing call pops without taking focus; Alt+A answers it', async () => {
    const f = fakeCti(line());
    render(App, { cti: f.cti });
    await settle();
    const box = screen.getByLabelText('Number to dial');
    box.focus();
    await fireEvent.input(box, { target: { value: '1102' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(f.mock['dial']).toHaveBeenCalledWith({ line: 'line1', number: '1102' });

    f.setLine(line({ calls: [call({ primary: leg() })], popups: ['7'] }));
    await settle();
    const pops = screen.getByRole('region', { name: 'Incoming calls' });
    expect(within(pops).getByRole('article')).toHaveTextContent('Martin Jagger');
    expect(document.activeElement).toBe(box);
    expect(screen.getByTestId('live-region')).toHaveTextContent('Incoming call from Martin Jagger');
    await fireEvent.keyDown(window, { key: 'a', code: 'KeyA', altKey: true });
    expect(f.mock['answer']).toHaveBeenCalledWith({ line: 'line1', callingNumber: '+33160127764' });
  });

  it('a failed command is said in words', async () => {
    const f = fakeCti(line({ calls: [call({ primary: leg({ state: 'connected' }), permittedServices: ['holdCall', 'dropCall'] })] }), {
      hold: () => ({ ok: false, error: { code: 'pbxReject', message: 'refused' } }),
    });
    render(App, { cti: f.cti });
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('The phone system refused that');
  });
});
