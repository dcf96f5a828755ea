/**
 * `cti open-session` / `close-session` / `update-user-directory` as a user runs them (the real
 * process): every option on the wire, the password off the command line, and a session that
 * outlives the `cti` that opened it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelServer } from '../../support/fake-telserver';
import { cleanupAfterEach } from '../../support/cleanup';
import { startSimulator } from '../../../main/simulator/index';
import { runCli } from './cli-process';

const cleanup = cleanupAfterEach();

describe('on the wire (fake TelServer)', () => {
  let server: FakeTelServer;
  beforeEach(async () => {
    server = await FakeTelServer.start();
  });
  afterEach(() => server.close());
  const at = (): string[] => ['--server', `127.0.0.1:${server.port}`, '--device', '1101'];

  it('open-session sends every option of the spec, the password from CTI_PASSWORD', async () => {
    const r = await runCli(
      [...at(), 'open-session', '--udp-port', '20001', '--restricted', '--user', 'alice', '--session-timeout', '60', '--start-pbx-monitor', 'false'],
      { env: { CTI_PASSWORD: 's3&cret' } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(server.requests).toEqual([
      '<TelServiceRequest><openSession><deviceNumber>1101</deviceNumber><eventUDPPort>20001</eventUDPPort><eventUpdate><restricted/></eventUpdate>' +
        '<userID>alice</userID><userPassword>s3&amp;cret</userPassword><sessionTimeout>60</sessionTimeout><startPbxMonitor><false/></startPbxMonitor></openSession></TelServiceRequest>',
    ]);
  });

  it('open-session with no option sends only the device (the server keeps its defaults)', async () => {
    expect((await runCli([...at(), 'open-session'])).code).toBe(0);
    expect(server.requests).toEqual(['<TelServiceRequest><openSession><deviceNumber>1101</deviceNumber></openSession></TelServiceRequest>']);
  });

  it('close-session sends actualCloseSessionTimeout and clientOnly', async () => {
    expect((await runCli([...at(), 'close-session', '--close-timeout', '3', '--client-only', 'false'])).code).toBe(0);
    expect(server.requests).toEqual([
      '<TelServiceRequest><closeSession><deviceNumber>1101</deviceNumber><actualCloseSessionTimeout>3</actualCloseSessionTimeout><clientOnly><false/></clientOnly></closeSession></TelServiceRequest>',
    ]);
  });

  it('update-user-directory sends the parties as NUMBER=NAME=TYPE=COMPANY', async () => {
    const r = await runCli(['--server', `127.0.0.1:${server.port}`, 'update-user-directory', 'outlook', '0160121314=Bob Blake=work=TheCompany', '0160121315', '--user', 'user']);
    expect(r.code).toBe(0);
    expect(server.requests).toEqual([
      '<TelServiceRequest><updateUserDirectory><userID>user</userID><directoryName>outlook</directoryName><parties>' +
        '<party><number>0160121314</number><name>Bob Blake</name><numberType><work/></numberType><company>TheCompany</company></party>' +
        '<party><number>0160121315</number></party></parties></updateUserDirectory></TelServiceRequest>',
    ]);
  });

  it('--ask-password without a terminal is a usage error, not a prompt that hangs; --password warns', async () => {
    const asked = await runCli([...at(), 'open-session', '--user', 'alice', '--ask-password']);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/--ask-password needs a terminal/);
    expect(server.requests).toEqual([]);
    const flag = await runCli([...at(), 'open-session', '--user', 'alice', '--password', 'pw']);
    expect(flag.code).toBe(0);
    expect(flag.stderr).toMatch(/--password is visible to other users/);
    expect(server.requests[0]).toContain('<userPassword>pw</userPassword>');
  });

  it('refuses a bad party type and a bad --start-pbx-monitor before sending anything', async () => {
    expect((await runCli([...at(), 'update-user-directory', 'x', '01=A=fax'])).code).toBe(2);
    expect((await runCli([...at(), 'open-session', '--start-pbx-monitor', 'maybe'])).code).toBe(2);
    expect(server.requests).toEqual([]);
  });
});

it('a session opened by `cti open-session` stays open after cti exits; a call command can use it; close-session ends it', async () => {
  const sim = await startSimulator({ port: 0, credentials: { alice: 'pw' } });
  cleanup(() => sim.close());
  const at = ['--server', `127.0.0.1:${sim.port}`, '--device', '1101'];
  const refused = await runCli([...at, 'open-session', '--user', 'alice'], { env: { CTI_PASSWORD: 'nope' } });
  expect(refused.code).toBe(3);
  const opened = await runCli([...at, 'open-session', '--user', 'alice'], { env: { CTI_PASSWORD: 'pw' } });
  expect(opened.code).toBe(0);
  expect(sim.control.state().sessions.map((s) => s.device)).toEqual(['1101']);
  // dnd needs an open session (the spec): it works from another cti process.
  expect((await runCli([...at, 'dnd', 'on'])).code).toBe(0);
  expect((await runCli([...at, 'close-session', '--client-only', 'false'])).code).toBe(0);
  expect(sim.control.state().sessions).toEqual([]);
});
