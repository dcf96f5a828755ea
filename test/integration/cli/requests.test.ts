/**
 * The real `cti` process against the fake TelServer on loopback: what goes on the wire, what is
 * printed, and the exit codes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelServer, STANDARD_RESULT } from '../../support/fake-telserver';
import { compactXml, runCli } from './cli-process';

// ---- spec examples (XML encoding sections of telservices-protocol.txt) ----
const SPEC_MAKE_CALL = `<TelServiceRequest>
  <makeCall>
    <deviceNumber>1101</deviceNumber>
    <calledDeviceNumber>1102</calledDeviceNumber>
  </makeCall>
</TelServiceRequest>`;
const SPEC_FORWARD = `<TelServiceRequest>
  <forward>
    <deviceNumber>1101</deviceNumber>
    <info>
      <number>1102</number>
      <type>
        <immediate/>
      </type>
      <state>
        <on/>
      </state>
    </info>
  </forward>
</TelServiceRequest>`;
const SPEC_AGENT_STATE = `<TelServiceRequest>
  <agentState>
    <deviceNumber>1101</deviceNumber>
    <state>
      <notReady/>
    </state>
  </agentState>
</TelServiceRequest>`;
/** The spec's example lacks its first `<` (a typo, see specs/README.md): fixed here. */
const SPEC_DO_NOT_DISTURB = `<TelServiceRequest>
  <doNotDisturb>
    <deviceNumber>1101</deviceNumber>
    <state>
      <on/>
    </state>
  </doNotDisturb>
</TelServiceRequest>`;
const SPEC_QUERY_HISTORY = `<TelServiceRequest>
  <queryHistory>
    <deviceNumber>8001</deviceNumber>
    <startDate>2009-12-02</startDate>
  </queryHistory>
</TelServiceRequest>`;
const SPEC_SNAPSHOT_REPLY = `<TelServiceReturn>
  <result>
    <snapshot>
      <calls>
        <call>
          <id>1</id>
          <primCall>
            <state>
              <alerting/>
            </state>
            <otherParty>
              <number>1101</number>
            </otherParty>
            <duration>0</duration>
            <isOutgoing>
              <false/>
            </isOutgoing>
            <isConference>
              <false/>
            </isConference>
          </primCall>
          <permittedServices>
            <answerCall/>
            <divertCall/>
          </permittedServices>
        </call>
      </calls>
      <forwards/>
      <msgWaiting>
        <off/>
      </msgWaiting>
      <doNotDisturb>
        <off/>
      </doNotDisturb>
    </snapshot>
  </result>
</TelServiceReturn>`;
const SPEC_SEARCH_NUMBER_REPLY = `<TelServiceReturn>
  <result>
    <searchDirectory>
      <party>
        <number>+33160127764</number>
        <name>Martin Jagger</name>
        <numberType>
          <home/>
        </numberType>
        <company>uniGone</company>
      </party>
    </searchDirectory>
  </result>
</TelServiceReturn>`;

const HISTORY_REPLY =
  '<TelServiceReturn><result><history><record><creationDate>2009-12-02</creationDate><creationTime>15:32:43</creationTime>' +
  '<otherParty><number>0160121314</number><name>Bob Blake</name></otherParty><alertingDuration>3</alertingDuration>' +
  '<duration>0</duration><isOutgoing><false/></isOutgoing><isConnected><false/></isConnected><cause><normal/></cause>' +
  '</record></history></result></TelServiceReturn>';

let server: FakeTelServer;

beforeEach(async () => {
  server = await FakeTelServer.start({ http: true });
});
afterEach(async () => {
  await server.close();
});

function at(): string[] {
  return ['--server', `127.0.0.1:${server.port}`];
}

describe('cti on the wire', () => {
  it('make-call 1102 --device 1101 sends exactly the spec MakeCall example and prints ok', async () => {
    const r = await runCli([...at(), '--device', '1101', 'make-call', '1102']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok\n');
    expect(server.requests).toEqual([compactXml(SPEC_MAKE_CALL)]);
  });

  it('forward, agent-state and dnd send the spec examples (global options after the command, env vars)', async () => {
    const env = { CTI_SERVER: `127.0.0.1:${server.port}`, CTI_DEVICE: '1101' };
    server.setHandler((xml) => ({ kind: 'reply', xml: xml.includes('<queryHistory>') ? HISTORY_REPLY : STANDARD_RESULT }));
    const results = [
      await runCli(['forward', 'immediate', 'on', '1102'], { env }),
      await runCli(['agent-state', 'notReady', '--json'], { env }),
      await runCli(['dnd', 'on', '--device', '1101', '--server', `127.0.0.1:${server.port}`], { env: { CTI_DEVICE: '9999' } }),
      await runCli(['history', '--device', '8001', '--from', '2009-12-02'], { env }),
    ];
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results[1]?.stdout).toBe('{\n  "type": "standard"\n}\n');
    expect(server.requests).toEqual([SPEC_FORWARD, SPEC_AGENT_STATE, SPEC_DO_NOT_DISTURB, SPEC_QUERY_HISTORY].map(compactXml));
  });

  it('keeps + and leading zeros end to end (search-number, history)', async () => {
    server.setHandler((xml) => ({
      kind: 'reply',
      xml: xml.includes('<searchNumber>') ? SPEC_SEARCH_NUMBER_REPLY : HISTORY_REPLY,
    }));
    const search = await runCli([...at(), 'search-number', '+33160127764']);
    expect(search.code).toBe(0);
    expect(server.requests[0]).toBe('<TelServiceRequest><searchNumber><number>+33160127764</number></searchNumber></TelServiceRequest>');
    expect(search.stdout).toBe('NUMBER        NAME           TYPE  COMPANY\n+33160127764  Martin Jagger  home  uniGone\n');

    const history = await runCli([...at(), '--device', '1101', 'history', '--json']);
    expect(history.code).toBe(0);
    const parsed = JSON.parse(history.stdout) as { records: { otherParty: { number: string }; duration: string }[] };
    expect(parsed.records[0]?.otherParty.number).toBe('0160121314');
    expect(parsed.records[0]?.duration).toBe('0');

    const table = await runCli([...at(), '--device', '1101', 'history']);
    expect(table.stdout.split('\n')[1]).toMatch(/^2009-12-02 {2}15:32:43 {2}in {3}0160121314 {2}Bob Blake/);
  });

  it('assembles a reply sent in pieces', async () => {
    server.setHandler(() => ({ kind: 'reply', xml: SPEC_SNAPSHOT_REPLY, chunks: 9, chunkDelayMs: 15 }));
    const r = await runCli([...at(), '--device', '1102', 'snapshot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call 1 alerting from 1101  [answerCall divertCall]');
    expect(r.stdout).toContain('forwards: none');
  });

  it('sends the end-of-PDU sequence with --eop and splits the reply on it', async () => {
    const eopServer = await FakeTelServer.start({ endOfPdu: '\n' });
    try {
      eopServer.setHandler(() => ({ kind: 'reply', xml: '<TelServiceReturn><result><doNotDisturb><off/></doNotDisturb></result></TelServiceReturn>', keepOpen: true }));
      const r = await runCli(['--server', `127.0.0.1:${eopServer.port}`, '--device', '1101', '--eop', '\\n', 'dnd', '--timeout', '2000']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('dnd off\n');
      expect(r.code).toBe(0);
    } finally {
      await eopServer.close();
    }
  });

  it('--http posts the request to the server HTTP mode', async () => {
    const transports: string[] = [];
    server.setHandler((_xml, ctx) => {
      transports.push(ctx.transport);
      return { kind: 'reply', xml: STANDARD_RESULT };
    });
    const r = await runCli([...at(), '--http', '--device', '1101', 'make-call', '1102']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok\n');
    expect(transports).toEqual(['http']);
    expect(server.requests).toEqual([compactXml(SPEC_MAKE_CALL)]);
  });

  it('raw sends stdin as it is and prints the reply XML', async () => {
    const xml = '<TelServiceRequest><queryMsgWaiting><deviceNumber>1101</deviceNumber></queryMsgWaiting></TelServiceRequest>';
    const reply = '<TelServiceReturn><result><msgWaiting><on/></msgWaiting></result></TelServiceReturn>';
    server.setHandler(() => ({ kind: 'reply', xml: reply }));
    const r = await runCli([...at(), 'raw', '-'], { stdin: xml });
    expect(r.code).toBe(0);
    expect(server.requests).toEqual([xml]);
    expect(r.stdout).toBe(`${reply}\n`);
    const j = await runCli([...at(), 'raw', '-', '--json'], { stdin: xml });
    expect(JSON.parse(j.stdout)).toEqual({ kind: 'result', result: { type: 'msgWaiting', state: 'on' } });
  });

  it('raw FILE sends the file as it is (indentation included)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cti-raw-'));
    try {
      const file = join(dir, 'make-call.xml');
      await writeFile(file, SPEC_MAKE_CALL);
      const r = await runCli([...at(), 'raw', file]);
      expect(r.code).toBe(0);
      expect(server.requests).toEqual([SPEC_MAKE_CALL]);
      expect(r.stdout).toBe(`${STANDARD_RESULT}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cti exit codes', () => {
  it('an error name the spec does not list (a newer server) -> exit 3 with that name, not a malformed reply', async () => {
    server.setHandler(() => ({ kind: 'reply', xml: '<TelServiceReturn><error><quotaExceeded/></error></TelServiceReturn>' }));
    const r = await runCli([...at(), '--device', '1101', 'drop']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^cti: server error: quotaExceeded\b/);
    const raw = await runCli([...at(), 'raw', '-'], {
      stdin: '<TelServiceRequest><dropCall><deviceNumber>1101</deviceNumber></dropCall></TelServiceRequest>',
    });
    expect(raw.code).toBe(3);
    expect(raw.stderr).toMatch(/quotaExceeded/);
  });

  it('an error reply -> exit 3 with its name on stderr', async () => {
    server.setHandler(() => ({ kind: 'reply', xml: '<TelServiceReturn><error><noOpenSession/></error></TelServiceReturn>' }));
    const r = await runCli([...at(), '--device', '1101', 'drop']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cti: server error: noOpenSession/);
    const raw = await runCli([...at(), 'raw', '-'], {
      stdin: '<TelServiceRequest><dropCall><deviceNumber>1101</deviceNumber></dropCall></TelServiceRequest>',
    });
    expect(raw.code).toBe(3);
    expect(raw.stderr).toBe('cti: server error: noOpenSession\n');
  });

  it('a hung server -> exit 4 (timeout) within the timeout', async () => {
    server.setHandler(() => ({ kind: 'hang' }));
    const r = await runCli([...at(), '--device', '1101', 'drop', '--timeout', '500']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^cti: timeout: /);
    // Spawn + tsx start-up + 500 ms: generous bound, far below the default 5 s timeout.
    expect(r.ms).toBeLessThan(4000);
  });

  it('a socket closed without reply -> exit 4 (closedWithoutReply)', async () => {
    server.setHandler(() => ({ kind: 'close' }));
    const r = await runCli([...at(), '--device', '1101', 'hold']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^cti: closedWithoutReply: /);
  });

  it('a truncated reply -> exit 4', async () => {
    server.setHandler(() => ({ kind: 'partial', xml: '<TelServiceReturn><result><stan' }));
    const r = await runCli([...at(), '--device', '1101', 'hold']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^cti: (closedWithoutReply|malformedReply): /);
  });

  it('a result of the wrong kind -> exit 4 (malformedReply), nothing printed on stdout', async () => {
    server.setHandler(() => ({ kind: 'reply', xml: '<TelServiceReturn><result><forwards/></result></TelServiceReturn>' }));
    const r = await runCli([...at(), '--device', '1101', 'dnd']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cti: malformedReply: queryDoNotDisturb: expected a doNotDisturb result, got forwards\n');
  });

  it('nothing listening -> exit 4 (connectionRefused)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await runCli(['--server', `127.0.0.1:${port}`, '--device', '1101', 'drop']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^cti: connectionRefused: /);
  });

  it('HTTP status -> exit 4 (httpStatus)', async () => {
    server.setHandler(() => ({ kind: 'httpStatus', status: 500, body: 'oops' }));
    const r = await runCli([...at(), '--http', '--device', '1101', 'drop']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^cti: httpStatus: /);
  });

  it('usage errors -> exit 2, one line with a hint, nothing sent', async () => {
    const r = await runCli([...at(), '--device', '1101', 'make-call', '11O2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("cti: NUMBER '11O2' is not a phone number (digits, *, #, optional leading +) (see 'cti --help')\n");
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("cti: unknown command 'frobnicate' (see 'cti --help')\n");
    expect(server.requests).toEqual([]);
  });

  it('--help, -h, help and --version print to stdout and exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['snapshot', '--help']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^cti - TelServices command line\n/);
      expect(r.stdout).toContain('listen [--udp-port P]');
      expect(r.stderr).toBe('');
    }
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^cti \d+\.\d+\.\d+\n$/);
  });
});
