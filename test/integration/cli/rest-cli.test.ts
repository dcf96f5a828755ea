/**
 * `cti tds|arc|dnis-free` as child processes against the mock services on a real loopback port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, startRestMocks, type RunningRestMocks } from '../../../main/simulator/rest/rest-mocks';
import { runCli, type CliResult } from './cli-process';

let m: RunningRestMocks;
// The DNIS mock's default password is the spec's 'password', a word help text holds: use another.
const DNIS_PASSWORD = 'dnis-pw-123';
const SECRETS = [MOCK_CREDENTIALS.tds.password, MOCK_CREDENTIALS.arc.token, DNIS_PASSWORD, 'wrong-secret'];

beforeAll(async () => {
  m = await startRestMocks({ dnisFree: { password: DNIS_PASSWORD } });
});
afterAll(async () => {
  await m.close();
});

const tds = (): string[] => {
  const c = MOCK_CREDENTIALS.tds;
  return ['tds', '--base', m.urls.tds, '--client', c.clientId, '--campaign', c.campaignId, '--user', c.user];
};
const arc = (): string[] => ['arc', '--base', m.urls.arc, '--token', MOCK_CREDENTIALS.arc.token, '--user-id', '8001'];
const dnis = (): string[] => {
  const c = MOCK_CREDENTIALS.dnisFree;
  return ['dnis-free', '--base', m.urls.dnisFree, '--user', c.user, '--tenant', c.tenantId, '--app-key', c.applicationKey];
};

/** No run ever prints a password or token, in any form. */
function noSecrets(r: CliResult): void {
  for (const s of SECRETS) {
    expect(r.stdout + r.stderr).not.toContain(s);
    expect(r.stdout + r.stderr).not.toContain(Buffer.from(s).toString('base64'));
  }
}

describe('cti tds', () => {
  it('start, get --json (password from CTI_TDS_PASSWORD), edit, stop, then 404 by DNIS.ANI', async () => {
    const env = { CTI_TDS_PASSWORD: MOCK_CREDENTIALS.tds.password };
    const start = await runCli([...tds(), 'start', '--ani', '16505559999', '--oemkey', 'cli-1', '--agent', 'name=John Smith', '--agent', 'note=a&b=c'], { env });
    noSecrets(start);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toMatch(/^status: +success \(1\)$/m);
    const dnisNumber = /^dnis: +(\d+)$/m.exec(start.stdout)?.[1] as string;
    expect(dnisNumber).toMatch(/^18005550\d{3}$/);

    const get = await runCli(['--json', ...tds(), 'get', '--dnis', dnisNumber, '--ani', '16505559999', '--property', 'agentdata'], { env });
    expect(get.code, get.stderr).toBe(0);
    const session = JSON.parse(get.stdout) as { agentData: unknown; properties: Record<string, string> };
    expect(session.agentData).toEqual([
      ['name', 'John Smith'],
      ['note', 'a&b=c'],
    ]);
    expect(Object.keys(session.properties).sort()).toEqual(['agentdata', 'guid', 'status', 'status_code']);

    const [edit, stop] = [
      await runCli([...tds(), 'edit', '--oemkey', 'cli-1', '--agent', 'name=Zoë'], { env }),
      await runCli([...tds(), '--timeout', '3000', 'stop', '--oemkey', 'cli-1'], { env }),
    ];
    expect(edit.code, edit.stderr).toBe(0);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stdout).toContain('agentdata:\n  name = Zoë');
    const gone = await runCli([...tds(), 'get', '--dnis', dnisNumber, '--ani', '16505559999'], { env });
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(/^cti: server error: no_session/);
  });

  it('exit 3 for a service error (unauthorized, named), 4 for a timeout, 2 for usage', async () => {
    m.control.setFaults({ tds: { hang: true } });
    const [slow, noPassword, badOption, noAddress] = await Promise.all([
      runCli(['--timeout', '300', ...tds(), '--password', MOCK_CREDENTIALS.tds.password, 'get', '--guid', 'g']),
      runCli([...tds(), 'start', '--ani', '1']),
      runCli([...tds(), '--password', 'x', 'start', '--ani', '1', '--lead', '3']),
      runCli([...tds(), '--password', 'x', 'get']),
    ]);
    m.control.clearFaults();
    expect(slow.code).toBe(4);
    expect(slow.stderr).toMatch(/^cti: timeout: GET /);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('CTI_TDS_PASSWORD');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--lead does not apply to tds');
    expect(noAddress.code).toBe(2);
    for (const r of [slow, noPassword, badOption, noAddress]) noSecrets(r);
    const refused = await runCli([...tds(), '--password', 'wrong-secret', 'start', '--ani', '1']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^cti: server error: unauthorized/);
    noSecrets(refused);
  });

  it('names pool_full', async () => {
    m.control.setFaults({ tds: { tdsStatus: 'pool_full' } });
    const r = await runCli([...tds(), '--password', MOCK_CREDENTIALS.tds.password, 'start', '--ani', '1']);
    m.control.clearFaults();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^cti: server error: pool_full/);
  });
});

describe('cti arc', () => {
  it('lists as tables, --xml reads XML replies, --json prints the typed reply', async () => {
    const [codes, users, calls] = await Promise.all([
      runCli([...arc(), 'resultcodes']),
      runCli([...arc(), '--xml', 'users']),
      runCli(['--json', ...arc(), 'getcalls']),
    ]);
    expect(codes.code, codes.stderr).toBe(0);
    expect(codes.stdout.split('\n')[0]).toMatch(/^ResultCodeID +Code +Description +IsSuccess +Sales$/);
    expect(codes.stdout).toMatch(/^1 +SALE +Sale +true +1$/m);
    expect(users.code, users.stderr).toBe(0);
    expect(users.stdout).toMatch(/^8001 +agent8001$/m);
    expect(JSON.parse(calls.stdout)).toEqual({ data: [], responseCode: 200, responseDetail: 'OK' });
    for (const r of [codes, users, calls]) noSecrets(r);
  });

  it('dial then hangup (the token from CTI_ARC_TOKEN); errors exit 3, bad arguments 2', async () => {
    const base = ['arc', '--base', m.urls.arc, '--user-id', '8001'];
    const env = { CTI_ARC_TOKEN: MOCK_CREDENTIALS.arc.token };
    const dial = await runCli([...base, 'dial', '0612345678', '--lead', '501'], { env });
    expect(dial.code, dial.stderr).toBe(0);
    const id = /^CallId: +(\d+)$/m.exec(dial.stdout)?.[1] as string;
    expect(dial.stdout).toMatch(/^PhoneNumber: +0612345678$/m);
    const hangup = await runCli([...base, 'hangup', id], { env });
    expect(hangup.stdout.trim()).toBe('ok (200 OK)');
    const [again, notNumber, unknown, arity, connect] = await Promise.all([
      runCli([...base, 'hangup', id], { env }),
      runCli([...base, 'hangup', 'x'], { env }),
      runCli([...base, 'explode'], { env }),
      runCli([...base, 'dispose', '1'], { env }),
      runCli([...base, 'connectcalls', '1', '2', 'XFER', 'SALE', '--notes1', 'a&b=c d', '--numsales2', '2'], { env }),
    ]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^cti: server error: arcFailed \(hangup: 404 call \d+ not found\)/);
    expect(notNumber.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(arity.code).toBe(2);
    expect(arity.stderr).toContain('arc dispose takes CALL CODE');
    expect(connect.code).toBe(3); // the calls do not exist: the service says so
    expect(connect.stderr).toContain('call 1 not found');
    for (const r of [dial, hangup, again, notNumber, unknown, arity, connect]) noSecrets(r);
  });
});

describe('cti dnis-free', () => {
  it('frees, names 404 and 401 (exit 3), and a closed port is exit 4', async () => {
    const good = ['--password', DNIS_PASSWORD];
    const closed = await startRestMocks();
    const closedBase = closed.urls.dnisFree;
    await closed.close();
    const [freed, missing, denied, refused] = await Promise.all([
      runCli([...dnis(), ...good, '18005550004']),
      runCli([...dnis(), ...good, '999']),
      runCli([...dnis(), '--password', 'wrong-secret', '18005550004']),
      runCli([...dnis(), ...good, '--base', closedBase, '18005550004']),
    ]);
    expect(freed.code, freed.stderr).toBe(0);
    expect(freed.stdout.trim()).toBe('freed 18005550004');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^cti: server error: dnisNotFound/);
    expect(denied.code).toBe(3);
    expect(denied.stderr).toMatch(/^cti: server error: unauthorized .*User-Password missing or wrong/);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^cti: connectionRefused/);
    for (const r of [freed, missing, denied, refused]) noSecrets(r);
  });

  it('help names the REST subcommands and their environment variables', async () => {
    const [all, one] = await Promise.all([runCli(['--help']), runCli(['dnis-free', '--help'])]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('cti tds --base URL');
    expect(all.stdout).toContain('CTI_ARC_TOKEN');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('CTI_DNIS_PASSWORD');
  });
});
