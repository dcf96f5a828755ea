import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../../main/simulator/scenario/schema';
import { buildDemoScenario } from '../../../../main/simulator/scenario/demo';
import { generateDirectory } from '../../../../main/simulator/directory/generate';
import { readFileSync } from 'node:fs';

const ok = JSON.stringify({
  name: 'two calls',
  steps: [
    { at: 0, do: 'inboundCall', id: 'c1', from: '+33160127764', name: 'Martin Jagger', to: '1101', ringMs: 5000 },
    { at: 1000, do: 'answer', call: 'c1' },
    { at: 2000, do: 'faults', linkDown: true, dropEventShare: 0.5 },
    { at: 3000, do: 'clearFaults' },
    { at: 4000, do: 'msgWaiting', deviceNumber: '1101', state: 'on' },
    { at: 5000, do: 'restart' },
  ],
});

function errorOf(text: string): string {
  try {
    parseScenario(text, 'bad.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('accepts a valid timeline', () => {
    const s = parseScenario(ok);
    expect(s.steps.map((x) => x.do)).toEqual(['inboundCall', 'answer', 'faults', 'clearFaults', 'msgWaiting', 'restart']);
  });

  it('accepts the example shipped for integrators', () => {
    const path = 'main/simulator/scenario/examples/calls-and-faults.json';
    const s = parseScenario(readFileSync(path, 'utf8'), path);
    expect(s.steps.at(-1)?.do).toBe('restart');
  });

  it('says when the file is not JSON', () => {
    expect(errorOf('{ steps: ')).toMatch(/^bad\.json: not valid JSON/);
  });

  it('names the bad field of a bad step', () => {
    expect(errorOf(JSON.stringify({ steps: [{ at: 0, do: 'inboundCall', from: '1' }] }))).toMatch(/^bad\.json: steps\.0\.to: /);
    expect(errorOf(JSON.stringify({ steps: [{ at: -1, do: 'restart' }] }))).toMatch(/steps\.0\.at/);
    expect(errorOf(JSON.stringify({ steps: [{ at: 0, do: 'explode' }] }))).toMatch(/steps\.0\.do/);
    expect(errorOf(JSON.stringify({ steps: [{ at: 0, do: 'faults', dropEventShare: 2 }] }))).toMatch(/steps\.0\.dropEventShare/);
    expect(errorOf(JSON.stringify({ steps: [{ at: 0, do: 'restart', typo: 1 }] }))).toMatch(/typo/);
    expect(errorOf(JSON.stringify({ steps: [] }))).toMatch(/steps/);
  });

  it('refuses a step naming a call no earlier step brought in', () => {
    const text = JSON.stringify({
      steps: [
        { at: 1000, do: 'inboundCall', id: 'c1', from: '1', to: '1101' },
        { at: 500, do: 'hangup', call: 'c1' },
      ],
    });
    expect(errorOf(text)).toMatch(/steps\.1\.call: no earlier inboundCall step has id "c1"/);
  });
});

describe('buildDemoScenario', () => {
  it('is a valid looping scenario of external callers from the directory ringing 1101', () => {
    const demo = buildDemoScenario(generateDirectory({ entries: 300 }), { everyMs: 10_000, calls: 5 });
    expect(parseScenario(JSON.stringify(demo))).toEqual(demo);
    expect(demo.loop).toBe(true);
    expect(demo.steps).toHaveLength(5);
    for (const step of demo.steps) {
      if (step.do !== 'inboundCall') throw new Error('only calls expected');
      expect(step.to).toBe('1101');
      expect(step.from).toMatch(/^[+0]/);
      expect(step.name).toBeTruthy();
      // a call (ring + talk) ends before the next one starts
      expect((step.ringMs ?? 0) + (step.talkMs ?? 0)).toBeLessThan(10_000);
    }
  });
});

describe('buildDemoScenario: calls transferred in with data', () => {
  it('every fifth call (the 2nd, the 7th) carries transfer data instead of a fixed DNIS, and is never hidden', () => {
    const demo = buildDemoScenario(generateDirectory({ entries: 300 }), { calls: 10 });
    const withData = demo.steps.flatMap((s, i) => (s.do === 'inboundCall' && s.transferData !== undefined ? [i] : []));
    expect(withData).toEqual([1, 6]);
    for (const i of withData) {
      const step = demo.steps[i];
      if (step?.do !== 'inboundCall') throw new Error('a call expected');
      expect(step.dnis).toBeUndefined();
      expect(step.hidden).toBeUndefined();
      expect(step.transferData).toMatchObject({ customer: step.name, reason: expect.any(String) as string });
    }
    expect(parseScenario(JSON.stringify(demo))).toEqual(demo);
  });

  it('has none when asked (the simulator without its REST mocks)', () => {
    const demo = buildDemoScenario(generateDirectory({ entries: 300 }), { calls: 10, transferredCalls: false });
    expect(demo.steps.some((s) => s.do === 'inboundCall' && s.transferData !== undefined)).toBe(false);
  });
});
