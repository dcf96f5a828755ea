import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { parseArgs } from '../../../main/cli/args';

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('invalidArgument');
    return (err as CtiError).message;
  }
  throw new Error('expected a usage error');
}

describe('parseArgs', () => {
  it('sorts options and positionals wherever the options stand', () => {
    const before = parseArgs(['--server', 'h:1', '--device', '1101', '--json', 'make-call', '1102']);
    const after = parseArgs(['make-call', '1102', '--server', 'h:1', '--json', '--device', '1101']);
    const middle = parseArgs(['--json', 'make-call', '--server=h:1', '1102', '--device=1101']);
    for (const parsed of [before, after, middle]) {
      expect(parsed).toEqual({
        command: 'make-call',
        args: ['1102'],
        options: { server: 'h:1', device: '1101', json: true },
      });
    }
  });

  it('keeps values exactly as typed (leading zeros, +)', () => {
    expect(parseArgs(['search-number', '+33160127764']).args).toEqual(['+33160127764']);
    expect(parseArgs(['make-call', '0160121314']).args).toEqual(['0160121314']);
  });

  it('takes a lone "-" as a positional and "--" as the end of options', () => {
    expect(parseArgs(['raw', '-']).args).toEqual(['-']);
    expect(parseArgs(['history', '--search', 'x', '--', '--json']).args).toEqual(['--json']);
    expect(parseArgs(['search-name', '--', '-Bob']).args).toEqual(['-Bob']);
  });

  it('lets a value option take a value that starts with a dash (validated later)', () => {
    expect(parseArgs(['history', '--hour', '-1']).options['hour']).toBe('-1');
  });

  it('knows -h, --help, -V and --version without a command', () => {
    expect(parseArgs(['-h'])).toEqual({ args: [], options: { help: true } });
    expect(parseArgs(['--version']).options['version']).toBe(true);
    expect(parseArgs(['-V']).options['version']).toBe(true);
    expect(parseArgs([])).toEqual({ args: [], options: {} });
  });

  it('the last occurrence of an option wins', () => {
    expect(parseArgs(['snapshot', '--device', '1', '--device', '2']).options['device']).toBe('2');
  });

  it('refuses unknown commands and options', () => {
    expect(usageMessage(() => parseArgs(['dial', '1102']))).toBe("unknown command 'dial'");
    expect(usageMessage(() => parseArgs(['snapshot', '--devise', '1']))).toBe('unknown option --devise');
    expect(usageMessage(() => parseArgs(['snapshot', '-x']))).toBe('unknown option -x');
    // Inherited object keys are not options.
    expect(usageMessage(() => parseArgs(['snapshot', '--toString']))).toBe('unknown option --toString');
    expect(usageMessage(() => parseArgs(['snapshot', '--constructor=1']))).toBe('unknown option --constructor');
  });

  it('refuses a missing value, a value given to a flag, and an option of another command', () => {
    expect(usageMessage(() => parseArgs(['snapshot', '--device']))).toBe('option --device needs a value');
    expect(usageMessage(() => parseArgs(['snapshot', '--json=yes']))).toBe('option --json takes no value');
    expect(usageMessage(() => parseArgs(['make-call', '1102', '--limit', '3']))).toBe(
      'option --limit does not apply to make-call',
    );
    expect(usageMessage(() => parseArgs(['drop', '--poll']))).toBe('option --poll does not apply to drop');
  });
});
