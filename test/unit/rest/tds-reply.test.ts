import { describe, expect, it } from 'vitest';
import { parseTdsReply, statusOutcome, TDS_STATUS } from '../../../main/rest/tds-reply';
import { addressSegments, requestXml } from '../../../main/rest/tds-request';
import { XmlReadError } from '../../../main/rest/xml';
import { buildUrl } from '../../../main/rest/url';

// Table 4-2 of the spec, with its `<campaign_id>` placeholders filled in (real replies are well-formed).
const START_REPLY = `<reply command='/c/struct-xml/my-callcenter/campaigns/by-id/7/telephony/routing/transferdata/dnis/start'>
  <result>
    <hash>
      <hash name='environment'>
        <scalar name='zone'>lv</scalar>
      </hash>
      <hash name='properties'>
        <scalar name='ani'>16505559999</scalar>
        <scalar name='status_code'>1</scalar>
        <scalar name='dnis'>18005551212</scalar>
        <scalar name='status'>success</scalar>
        <scalar name='type'>dnis</scalar>
        <scalar name='guid'>33333fc9e2fe1c752245b2a3801a3c26</scalar>
        <scalar name='oemkey'>3188</scalar>
        <scalar name='campaign_id'>7</scalar>
      </hash>
    </hash>
  </result>
</reply>`;

// Table 4-6 with the missing </hash> the specs README says real replies have.
const GET_REPLY = `<reply command='x/serialize'>
  <result>
    <hash>
      <hash name='environment'><scalar name='zone'>lv</scalar></hash>
      <hash name='properties'>
        <scalar name='status_code'>1</scalar>
        <scalar name='status'>success</scalar>
        <scalar name='agentdata'>tsid%3D1257923146%26sessionkey%3D3188%26edited%3D1</scalar>
        <scalar name='routingdata'>tsid%3D1257923146</scalar>
        <scalar name='reportingdata'></scalar>
        <scalar name='dnis'>018005551212</scalar>
        <scalar name='guid'>e1ab1:56d68992ff5a89fd94aaa940ff3a6701</scalar>
      </hash>
      <hash name='args'><scalar name='method'>get</scalar><hash name='nested'><scalar name='a'>1</scalar></hash></hash>
    </hash>
  </result>
</reply>`;

describe('transfer data replies', () => {
  it('reads the spec start reply (single-quoted attributes) into a typed session', () => {
    const s = parseTdsReply(START_REPLY);
    expect(s).toMatchObject({
      status: 'success',
      statusCode: '1',
      guid: '33333fc9e2fe1c752245b2a3801a3c26',
      type: 'dnis',
      dnis: '18005551212',
      ani: '16505559999',
      oemkey: '3188',
      campaignId: '7',
      zone: 'lv',
      sections: {},
    });
    expect(s.agentData).toBeUndefined();
  });

  it('decodes the data scalars, keeps numbers as text, and returns extra sections', () => {
    const s = parseTdsReply(GET_REPLY);
    expect(s.agentData).toEqual([
      ['tsid', '1257923146'],
      ['sessionkey', '3188'],
      ['edited', '1'],
    ]);
    expect(s.routingData).toEqual([['tsid', '1257923146']]);
    expect(s.reportingData).toEqual([]);
    expect(s.dnis).toBe('018005551212');
    expect(s.guid).toBe('e1ab1:56d68992ff5a89fd94aaa940ff3a6701');
    expect(s.sections).toEqual({ args: { method: 'get', nested: { a: '1' } } });
  });

  it('refuses a truncated reply or one without <reply><result><hash>', () => {
    expect(() => parseTdsReply(START_REPLY.slice(0, 200))).toThrow(XmlReadError);
    expect(() => parseTdsReply('<reply><result/></reply>')).toThrow(XmlReadError);
    expect(() => parseTdsReply('<!DOCTYPE x [<!ENTITY a "b">]><reply/>')).toThrow(XmlReadError);
  });

  it('maps every status of Table 3-3 to a named outcome', () => {
    const outcomes = Object.entries(TDS_STATUS).map(([code, s]) => [code, statusOutcome(code, s.status)]);
    expect(outcomes).toEqual([
      ['1', 'ok'],
      ['100', 'tds_error'],
      ['101', 'pool_full'],
      ['102', 'no_session'],
      ['103', 'unknown_zone'],
      ['104', 'campaign_not_found'],
      ['201', 'no_reps_logged_on'],
      ['202', 'off_hours'],
    ]);
    expect(statusOutcome('', 'off_hours')).toBe('off_hours');
    expect(statusOutcome('999', 'weird')).toBe('tds_error');
  });
});

describe('transfer data requests', () => {
  it('writes Table 1-4 style bodies with the data encoded once and XML-escaped', () => {
    const xml = requestXml({ method: 'start', ani: '16505559999', oemkey: '<k&>', agent: [['name', 'John Smith']] });
    expect(xml).toContain('<method>start</method>');
    expect(xml).toContain('<ani>16505559999</ani>');
    expect(xml).toContain('<oemkey>&lt;k&amp;&gt;</oemkey>');
    expect(xml).toContain('<agentdata>name%3DJohn%20Smith</agentdata>');
    expect(xml).not.toContain('<routingdata>');
  });

  it('names sessions by-guid, by-dnis/<dnis>.<ani> (DNIS first, ANI 0 when none) and by-oemkey, encoded', () => {
    const url = (a: Parameters<typeof addressSegments>[0]): string => buildUrl('http://h/louie/', ['dnis', ...addressSegments(a)]);
    expect(url({ guid: 'abc' })).toBe('http://h/louie/dnis/by-guid/abc');
    expect(url({ dnis: '18002223333', ani: '16504445555' })).toBe('http://h/louie/dnis/by-dnis/18002223333.16504445555');
    expect(url({ dnis: '18002223333' })).toBe('http://h/louie/dnis/by-dnis/18002223333.0');
    expect(url({ oemkey: 'a/b?c d' })).toBe('http://h/louie/dnis/by-oemkey/a%2Fb%3Fc%20d');
    expect(url({ dnis: '+33', ani: '+1' })).toBe('http://h/louie/dnis/by-dnis/%2B33.%2B1');
  });
});
