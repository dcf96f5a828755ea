/**
 * For one test file: returns `cleanup(fn)`, which registers a close function; after each test they
 * all run, newest first (a session closes before the server it talks to). Call it once, at the top
 * of the file, so every resource a test opens is closed even when the test fails.
 */
import { afterEach } from 'vitest';

export type Cleanup = (close: () => unknown) => void;

export function cleanupAfterEach(): Cleanup {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  return (close) => {
    closers.push(close);
  };
}
