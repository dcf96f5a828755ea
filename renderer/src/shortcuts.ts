/**
 * The global keyboard shortcuts: one table (the help dialog lists it) and a pure matcher. Letters
 * are matched by physical key (`code`) so Alt+A works on every layout and on macOS (where Alt types
 * a symbol). While the user types in a field, only Esc and Alt combinations count.
 */
import type { MessageKey } from './i18n/i18n.svelte';

export type ShortcutId = 'answer' | 'hangUp' | 'dismiss' | 'dial' | 'directory' | 'tab' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** How the keys are written in the help dialog. */
  keys: string;
  description: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'answer', keys: 'Alt+A', description: 'key.answer' },
  { id: 'hangUp', keys: 'Alt+H', description: 'key.hangUp' },
  { id: 'dismiss', keys: 'Esc', description: 'key.dismiss' },
  { id: 'dial', keys: 'Alt+D', description: 'key.dial' },
  { id: 'directory', keys: 'Alt+F', description: 'key.directory' },
  { id: 'tab', keys: 'Alt+1 … Alt+7', description: 'key.tabs' },
  { id: 'help', keys: '?  /  F1', description: 'key.help' },
];

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Whether the focus is in a text field (typing there is not a shortcut). */
  inTextField: boolean;
}

export interface ShortcutMatch {
  id: ShortcutId;
  /** For 'tab': the 0-based index of the view. */
  index?: number;
}

const ALT_LETTERS: Readonly<Record<string, ShortcutId>> = { KeyA: 'answer', KeyH: 'hangUp', KeyD: 'dial', KeyF: 'directory' };

export function matchShortcut(e: KeyLike): ShortcutMatch | undefined {
  if (e.ctrlKey || e.metaKey) return undefined;
  if (e.key === 'Escape' && !e.altKey) return { id: 'dismiss' };
  if (e.altKey) {
    const letter = ALT_LETTERS[e.code];
    if (letter) return { id: letter };
    const digit = /^Digit([1-7])$/.exec(e.code);
    if (digit?.[1]) return { id: 'tab', index: Number(digit[1]) - 1 };
    return undefined;
  }
  if (e.inTextField) return undefined;
  if (e.key === '?' || e.key === 'F1') return { id: 'help' };
  return undefined;
}

/** True for elements where keys type text (inputs other than buttons/checkboxes, textareas, editables). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}
