import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { describeError, exitCodeFor } from '../../../main/cli/exit-codes';
import { run, type CliIo } from '../../../main/cli/run';

function io(env: CliIo['env'] = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env,
    readInput: () => Promise.reject(new Error('no input in this test')),
    version: () => '9.8.7',
    waitForStop: () => new Promise(() => undefined),
  };
}

describe('exit codes', () => {
  it.each([
    ['invalidArgument', 2],
    ['unknownCommand', 2],
    ['noOpenSession', 3],
    ['pbxReject', 3],
    ['invalidCredentials', 3],
    ['timeout', 4],
    ['connectionRefused', 4],
    ['closedWithoutReply', 4],
    ['network', 4],
    ['httpStatus', 4],
    ['malformedReply', 4],
    ['internal', 1],
    ['cancelled', 1],
  ] as const)('%s -> %i', (code, exit) => {
    expect(exitCodeFor(new CtiError(code, 'x'))).toBe(exit);
  });

  it('anything that is not a CtiError is an internal error (1)', () => {
    expect(exitCodeFor(new Error('boom'))).toBe(1);
    expect(describeError(new Error('boom'))).toBe('cti: internal error: boom');
  });

  it('describes each category on one line', () => {
    expect(describeError(new CtiError('invalidArgument', 'bad'))).toBe("cti: bad (see 'cti --help')");
    expect(describeError(new CtiError('noCall', 'noCall'))).toBe('cti: server error: noCall');
    expect(describeError(new CtiError('noCall', 'the server answered noCall'))).toBe(
      'cti: server error: noCall (the server answered noCall)',
    );
    expect(describeError(new CtiError('timeout', 'no reply within 500 ms'))).toBe('cti: timeout: no reply within 500 ms');
  });
});

describe('run (no network)', () => {
  it('prints usage on stdout and exits 0 for --help', async () => {
    const t = io();
    expect(await run(['--help'], t)).toBe(0);
    expect(t.stdout[0]).toMatch(/^cti - TelServices command line/);
    expect(t.stderr).toEqual([]);
  });

  it('prints the version', async () => {
    const t = io();
    expect(await run(['--version'], t)).toBe(0);
    expect(t.stdout).toEqual(['cti 9.8.7']);
  });

  it('a usage error exits 2 with one line on stderr and nothing on stdout', async () => {
    const t = io({ CTI_SERVER: '127.0.0.1:1' });
    expect(await run(['agent-state', 'busy', '--device', '1101'], t)).toBe(2);
    expect(t.stdout).toEqual([]);
    expect(t.stderr).toEqual([
      "cti: agent state 'busy' must be one of: loggedOff, loggedOn, notReady, ready, workingAfterCall (see 'cti --help')",
    ]);
  });

  it('a command without any argument at all asks for one', async () => {
    const t = io();
    expect(await run([], t)).toBe(2);
    expect(t.stderr).toEqual(["cti: no command given (see 'cti --help')"]);
  });

  it('raw with an unreadable file is a usage error', async () => {
    const t = io({ CTI_SERVER: '127.0.0.1:1' });
    expect(await run(['raw', '/nonexistent/file.xml'], t)).toBe(2);
    expect(t.stderr[0]).toMatch(/^cti: cannot read \/nonexistent\/file.xml: /);
  });
});
