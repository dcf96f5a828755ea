import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CtiApi } from '../../../../common/contract';
import type { TransferDataView } from '../../../../common/transfer-data';
import PopStack from '../../../../renderer/src/components/pop/PopStack.svelte';
import { CtiStore } from '../../../../renderer/src/lib/cti-store.svelte';
import { TransferDataState } from '../../../../renderer/src/state/rest-transfer-data.svelte';
import { call, fakeCti, leg, line, party } from '../c1/fixtures';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** fakeCti plus a way to send the core's `transferData` event. */
function withTransferData(cti: CtiApi) {
  const listeners = new Set<(v: TransferDataView) => void>();
  const on = cti.on.bind(cti);
  const patchedOn: CtiApi['on'] = (event, fn) => {
    if (event !== 'transferData') return on(event, fn);
    const l = fn as (v: TransferDataView) => void;
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const patched = Object.assign(cti, { on: patchedOn });
  return { cti: patched, send: (v: TransferDataView) => listeners.forEach((fn) => fn(v)) };
}

const base = { lineId: 'line1', callId: '7', dnis: '5001', ani: '0612345678' };

/** Call 7 ringing, its pop shown, nothing known yet about its transfer data. */
async function poppedCall() {
  const f = fakeCti(line({ calls: [call()], popups: ['7'] }));
  const t = withTransferData(f.cti);
  const store = new CtiStore(t.cti);
  await settle();
  render(PopStack, { store });
  await screen.findByRole('article');
  return { t, store };
}

describe('transfer data in the pop', () => {
  it('pops at once without data, then shows the pairs when the event arrives', async () => {
    const f = fakeCti(line({ calls: [call({ primary: leg({ otherParty: party({ number: '0612345678' }) }) })], popups: ['7'] }));
    const t = withTransferData(f.cti);
    const store = new CtiStore(t.cti);
    await settle();
    render(PopStack, { store });
    const pop = await screen.findByRole('article');
    expect(screen.queryByRole('definition')).toBeNull();
    t.send({ ...base, state: 'loaded', pairs: [{ key: 'customer', value: 'Jagger' }, { key: 'order', value: '42' }] });
    await settle();
    const list = screen.getByLabelText('Transfer data');
    expect(pop).toContainElement(list);
    expect(screen.getByText('customer').tagName).toBe('DT');
    expect(screen.getByText('Jagger').tagName).toBe('DD');
    store.destroy();
  });

  it('says the data is on its way while the core looks it up, then shows it in place', async () => {
    const { t, store } = await poppedCall();
    t.send({ ...base, state: 'loading', pairs: [] });
    await settle();
    const loading = screen.getByText('Loading transfer data…');
    expect(loading).toHaveAttribute('aria-busy', 'true');
    t.send({ ...base, state: 'loaded', pairs: [{ key: 'order', value: '42' }] });
    await settle();
    expect(screen.queryByText('Loading transfer data…')).toBeNull();
    expect(screen.getByText('42').tagName).toBe('DD');
    store.destroy();
  });

  it('says why the data is unavailable, in words', async () => {
    const { t, store } = await poppedCall();
    t.send({ ...base, state: 'unavailable', pairs: [], reason: { code: 'unauthorized', message: '401' } });
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(/^Transfer data unavailable: /);
    expect(screen.getByRole('status')).not.toHaveTextContent('no reason given');
    // A timeout is not final: the core still waits a while, and late data fills the pop in.
    t.send({ ...base, state: 'unavailable', pairs: [], reason: { code: 'timeout', message: 'no answer in 1500 ms' } });
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent('Transfer data is late: it shows here if it comes.');
    store.destroy();
  });

  it('keeps the newest event per call, and only for that call', () => {
    const f = withTransferData(fakeCti(line({})).cti);
    const s = new TransferDataState(f.cti);
    f.send({ ...base, state: 'unavailable', pairs: [] });
    f.send({ ...base, state: 'loaded', pairs: [{ key: 'a', value: 'b' }] });
    expect(s.of('7')?.state).toBe('loaded');
    expect(s.of('8')).toBeUndefined();
    s.destroy();
    f.send({ ...base, callId: '8', state: 'loaded', pairs: [] });
    expect(s.of('8')).toBeUndefined();
  });
});
