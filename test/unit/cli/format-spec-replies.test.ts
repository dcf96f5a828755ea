/**
 * Every result example of the spec, decoded by the codec, prints as readable text that carries
 * its facts (numbers exactly as written), and as JSON that keeps every number a string.
 */
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../../main/cli/format';
import { decodeReply } from '../../../main/telservices/codec';
import { specFixture, specFixtureNames } from '../../support/spec-fixtures';

/** What the readable form of each example must show (a few facts, not the whole text). */
const EXPECTED: Record<string, string[]> = {
  'reply-standard-1': ['ok'],
  'reply-qualifyCall-1': ['1101'],
  'reply-queryAgentState-1': ['agent workingAfterCall', 'timeout 30 s', 'inbound service1'],
  'reply-queryDoNotDisturb-1': ['dnd off'],
  'reply-queryMsgWaiting-1': ['msg-waiting off'],
  'reply-queryForward-1': ['immediate  on     1102'],
  'reply-queryForward-2': ['no forward'],
  'reply-queryHistory-1': ['2009-12-02  15:32:43  out  8005', '2009-12-02  14:53:27  out  8002', 'normal'],
  'reply-queryUserStatistics-1': ['agentState:      ready'],
  'reply-queryUserStatistics-2': ['start:', '2009-11-09T11:13:23', 'agentLoggedOnPercentage:', '1.0E2'],
  'reply-queryRoutingPointState-1': ['started-running'],
  'reply-queryRoutingPointStatistics-1': ['readyAvailableAgentsCount:', '8001    agent8001  ready      service1'],
  'reply-queryRoutingPointStatistics-2': ['workDuration:', '04:10:23', 'agent 8003', '00:18:33'],
  'reply-searchName-1': ['no match'],
  'reply-searchName-2': ['+801          Marcel Jagger  work  uniGone', '+33160127764  Martin Jagger  home  uniGone'],
  'reply-searchNumber-1': ['no match'],
  'reply-searchNumber-2': ['+33160127764  Martin Jagger  home  uniGone'],
  'reply-snapshot-1': ['call 1 alerting from 1101  [answerCall divertCall]', 'forwards: none'],
  'reply-snapshot-2': ['calls: none', 'immediate on -> 1102'],
};

function leafTypes(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    else out.add(typeof v);
  };
  walk(value);
  return out;
}

const RESULT_FIXTURES = specFixtureNames('reply').filter((n) => !n.startsWith('reply-error-'));

describe('spec result examples, printed', () => {
  it('covers every result example of the spec', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(RESULT_FIXTURES);
  });

  it.each(RESULT_FIXTURES)('%s', (name) => {
    const reply = decodeReply(specFixture(name));
    if (reply.kind !== 'result') throw new Error(`${name} is not a result`);
    const text = formatResult(reply.result);
    for (const fact of EXPECTED[name] ?? []) expect(text).toContain(fact);
    // --json keeps numbers as the strings they were: every leaf is a string or a boolean.
    expect(leafTypes(JSON.parse(JSON.stringify(reply.result)))).not.toContain('number');
  });
});
