/**
 * The global dial shortcut: whether an accelerator is well formed, and what the settings view says
 * after Electron tried to register it (registered, or refused and why: a Wayland session without
 * the GlobalShortcuts portal, a combination another app holds, a malformed accelerator).
 */
import type { ShortcutStatus } from '../../common/diagnostics';

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause',
]);

function isKey(part: string): boolean {
  const k = part.toLowerCase();
  if (NAMED_KEYS.has(k)) return true;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(k)) return true;
  if (/^num([0-9]|dec|add|sub|mult|div)$/.test(k)) return true;
  // One printable character: a letter, a digit or punctuation.
  return [...part].length === 1 && /^[\x21-\x7e]$/.test(part);
}

export type AcceleratorCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Electron's accelerator grammar: modifiers joined by "+", then exactly one key; at least one modifier for a global one. */
export function checkAccelerator(accelerator: string): AcceleratorCheck {
  const parts = accelerator.split('+').map((p) => p.trim());
  if (parts.some((p) => p === '')) return { ok: false, message: `"${accelerator}" has an empty part (write "Plus" for the + key)` };
  const key = parts[parts.length - 1] ?? '';
  const modifiers = parts.slice(0, -1);
  const unknown = modifiers.find((m) => !MODIFIERS.has(m.toLowerCase()));
  if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not a modifier (Ctrl, Alt, Shift, Super, CommandOrControl)` };
  if (!isKey(key)) return { ok: false, message: `"${key}" is not a key Electron knows` };
  if (modifiers.length === 0 && !/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) {
    return { ok: false, message: 'a global shortcut needs a modifier (Ctrl, Alt, Shift or Super), except function keys' };
  }
  if (new Set(modifiers.map((m) => m.toLowerCase())).size !== modifiers.length) return { ok: false, message: `"${accelerator}" repeats a modifier` };
  return { ok: true };
}

export interface ShortcutEnvironment {
  readonly platform: NodeJS.Platform;
  /** XDG_SESSION_TYPE on Linux ('wayland', 'x11', ...). */
  readonly sessionType: string | undefined;
}

export type { ShortcutStatus } from '../../common/diagnostics';

/** What to do with the setting: nothing, refuse it as written, or try to register it. */
export function planShortcut(accelerator: string): { readonly kind: 'off' } | { readonly kind: 'register' } | { readonly kind: 'invalid'; readonly message: string } {
  if (accelerator.trim() === '') return { kind: 'off' };
  const check = checkAccelerator(accelerator.trim());
  return check.ok ? { kind: 'register' } : { kind: 'invalid', message: check.message };
}

/** The status the settings view shows, from what globalShortcut.register answered (or threw). */
export function shortcutOutcome(accelerator: string, env: ShortcutEnvironment, attempt: { readonly registered: boolean } | { readonly error: string }): ShortcutStatus {
  const plan = planShortcut(accelerator);
  switch (plan.kind) {
    case 'off':
      return { state: 'off' };
    case 'invalid':
      return { state: 'refused', accelerator, reason: 'invalid', message: plan.message };
    case 'register':
      break;
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
  if ('error' in attempt) return { state: 'refused', accelerator, reason: 'failed', message: `the shortcut could not be registered: ${attempt.error}` };
  if (attempt.registered) return { state: 'registered', accelerator };
  if (env.platform === 'linux' && env.sessionType?.toLowerCase() === 'wayland') {
    return {
      state: 'refused',
      accelerator,
      reason: 'wayland',
      message: 'this Wayland desktop did not grant a global shortcut (it needs the GlobalShortcuts portal); use the tray menu or a shortcut of your desktop settings that runs the app with a tel: link',
    };
  }
  return { state: 'refused', accelerator, reason: 'taken', message: `${accelerator} is already used by another application or the system; choose another combination` };
}
