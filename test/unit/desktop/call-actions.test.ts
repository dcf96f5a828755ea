import { describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../common/desktop-settings';
import { settingsSchema } from '../../../common/schemas';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import { checkTemplate, expandTemplate, isAllowedUrl, planCallActions } from '../../../main/desktop/call-actions';
import { OncePerCall, callMoments, type CallFacts } from '../../../main/desktop/call-events';
import { call, leg, line, party } from './fixtures';

const facts: CallFacts = { lineId: 'L1', callId: 'c1', device: '1101', number: '+33 1 23', name: 'Zoë & Co?', company: 'A/B', dnis: '8000', outgoing: false };

describe('expandTemplate', () => {
  it('URL-encodes every value, so a name cannot add a parameter or a path', () => {
    expect(expandTemplate('https://crm.example/search?phone={number}&name={name}&dnis={dnis}', facts)).toEqual({
      url: 'https://crm.example/search?phone=%2B33%201%2023&name=Zo%C3%AB%20%26%20Co%3F&dnis=8000',
    });
    expect(expandTemplate('https://crm.example/c/{company}/{callId}', facts)).toEqual({ url: 'https://crm.example/c/A%2FB/c1' });
  });

  it('names an unknown placeholder instead of guessing', () => {
    expect(expandTemplate('https://x.example/?q={phone}', facts)).toEqual({ problem: { code: 'unknownField', field: 'phone' } });
  });
});

describe('isAllowedUrl', () => {
  it('allows https with a host and the schemes the user added, nothing else', () => {
    expect(isAllowedUrl('https://crm.example/x', [])).toBe(true);
    expect(isAllowedUrl('crm://open?x=1', ['crm'])).toBe(true);
    for (const url of ['http://crm.example/', 'crm://open', 'https://user:pw@crm.example/', 'not a url', 'javascript:alert(1)']) {
      expect(isAllowedUrl(url, [])).toBe(false);
    }
    // Even added by hand (the settings schema refuses them too), code-running schemes stay refused.
    expect(isAllowedUrl('javascript:alert(1)', ['javascript'])).toBe(false);
    expect(isAllowedUrl('file:///etc/passwd', ['file'])).toBe(false);
  });

  it('the settings schema refuses dangerous or malformed schemes', () => {
    const ok = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, allowedSchemes: ['CRM', 'salesforce+x'] });
    expect(ok.success && ok.data.allowedSchemes).toEqual(['crm', 'salesforce+x']);
    for (const bad of ['javascript', 'file', 'data', '1abc', 'a b', '']) {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, allowedSchemes: [bad] }).success, bad).toBe(false);
    }
  });
});

describe('checkTemplate', () => {
  it('says what is wrong with a template as the settings view shows it', () => {
    expect(checkTemplate('', [])).toBeNull();
    expect(checkTemplate('https://crm.example/?p={number}', [])).toBeNull();
    expect(checkTemplate('http://crm.example/?p={number}', [])).toEqual({ code: 'notAllowed', scheme: 'http' });
    expect(checkTemplate('crm:{number}', ['crm'])).toBeNull();
    expect(checkTemplate('{number}', [])).toEqual({ code: 'notAUrl' });
    expect(checkTemplate('https://x.example/{nmber}', [])).toEqual({ code: 'unknownField', field: 'nmber' });
  });
});

describe('planCallActions over a call (ring, answer, hold, resume, hang up)', () => {
  const settings = {
    ...DEFAULT_DESKTOP_SETTINGS,
    callActions: { ring: 'https://crm.example/pop?n={number}', answer: 'https://crm.example/ans?n={number}', hangUp: '' },
  };
  const caller = party('0612', { name: 'Marie' });
  const states = [
    line(),
    line({ calls: [call('c1', leg('alerting', caller))] }),
    line({ calls: [call('c1', leg('connected', caller))] }),
    line({ calls: [call('c1', leg('hold', caller))] }),
    line({ calls: [call('c1', leg('connected', caller))] }),
    line(),
  ];

  it('opens the ring and answer URLs once each; an empty template runs nothing', () => {
    const once = new OncePerCall();
    const opened: string[] = [];
    for (let i = 1; i < states.length; i++) {
      for (const o of planCallActions(callMoments(states[i - 1], states[i]!), settings, once)) if (o.kind === 'open') opened.push(o.url);
    }
    expect(opened).toEqual(['https://crm.example/pop?n=0612', 'https://crm.example/ans?n=0612']);
  });

  it('does not run again when the same state is seen twice (a resync after a reconnect)', () => {
    const once = new OncePerCall();
    const first = planCallActions(callMoments(undefined, states[1]!), settings, once);
    const again = planCallActions(callMoments(undefined, states[1]!), settings, once);
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
  });

  it('refuses, and says why, a URL outside the allowlist', () => {
    const once = new OncePerCall();
    const out = planCallActions(callMoments(states[0], states[1]!), { ...settings, callActions: { ...settings.callActions, ring: 'http://crm.example/{number}' } }, once);
    expect(out).toEqual([{ kind: 'refused', event: 'ring', problem: { code: 'notAllowed', scheme: 'http' } }]);
  });
});

describe('callMoments', () => {
  it('reports a ring, an answer and a hang-up, with the dialled number as dnis', () => {
    const inbound = leg('alerting', party('0612'), { dialledNumber: '8000' });
    const ringing = line({ calls: [call('c1', inbound)] });
    expect(callMoments(line(), ringing)).toEqual([{ event: 'ring', call: expect.objectContaining({ callId: 'c1', number: '0612', dnis: '8000' }) as unknown }]);
    const talking = line({ calls: [call('c1', { ...inbound, state: 'connected' })] });
    expect(callMoments(ringing, talking).map((m) => m.event)).toEqual(['answer']);
    expect(callMoments(talking, line()).map((m) => m.event)).toEqual(['hangUp']);
    const cleared = line({ calls: [call('c1', { ...inbound, state: 'cleared' })] });
    expect(callMoments(talking, cleared).map((m) => m.event)).toEqual(['hangUp']);
    expect(callMoments(cleared, line())).toEqual([]);
  });

  it('never hands a hidden number to a template', () => {
    const hidden = line({ calls: [call('c1', leg('alerting', party('*****-3', { hidden: true })))] });
    expect(callMoments(line(), hidden)[0]?.call.number).toBe('');
  });

  it('OncePerCall forgets the oldest pairs past its limit', () => {
    const once = new OncePerCall(2);
    expect(once.first('ring', { lineId: 'L1', callId: 'a' })).toBe(true);
    expect(once.first('ring', { lineId: 'L1', callId: 'a' })).toBe(false);
    expect(once.first('answer', { lineId: 'L1', callId: 'a' })).toBe(true);
    once.first('ring', { lineId: 'L1', callId: 'b' });
    expect(once.first('ring', { lineId: 'L1', callId: 'a' })).toBe(true);
  });
});
