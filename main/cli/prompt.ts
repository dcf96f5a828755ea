/**
 * The terminal prompt behind --ask-password: reads one line in raw mode without echoing it. Not a
 * TTY (a pipe, a script, CI): no prompt at all, so a script never hangs waiting for a person.
 */
import type { AskSecret } from './password';

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_C = '\u0003';

export const askSecretOnTerminal: AskSecret = (prompt) => {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | undefined): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ENTER.has(ch)) return finish(value);
        if (ch === CTRL_C) {
          finish(undefined);
          process.exit(130);
        }
        value = BACKSPACE.has(ch) ? value.slice(0, -1) : value + ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
};
