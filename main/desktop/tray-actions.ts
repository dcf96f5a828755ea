/**
 * What a tray menu click does: a command of the contract, or a window of the shell. Kept apart from
 * the Electron glue so the mapping is tested with plain functions.
 */
import type { CommandHandlers, Result } from '../../common/contract';
import { dispatchCommand } from '../core/dispatch';
import type { TrayAction } from './tray-menu';

/** The shell's own verbs a menu item may ask for. */
export interface ShellVerbs {
  readonly openDialBox: (number?: string) => void;
  readonly openMainWindow: () => void;
  readonly openSettings: () => void;
  readonly quit: () => void;
  /** A command failed: say so (a notification, the log). */
  readonly report: (what: string, message: string) => void;
}

async function command(verbs: ShellVerbs, what: string, run: Promise<Result<unknown>>): Promise<void> {
  const result = await run;
  if (!result.ok) verbs.report(what, result.error.message);
}

/** Runs a tray action; commands go through dispatchCommand, so their arguments are validated as from a window. */
export async function runTrayAction(action: TrayAction, handlers: CommandHandlers, verbs: ShellVerbs): Promise<void> {
  switch (action.type) {
    case 'openDialBox':
      verbs.openDialBox();
      return;
    case 'dial':
      return command(verbs, `Dial ${action.number}`, dispatchCommand(handlers, 'dial', { number: action.number }));
    case 'answer':
      return command(verbs, 'Answer', dispatchCommand(handlers, 'answer', action.callingNumber ? { callingNumber: action.callingNumber } : {}));
    case 'hangUp':
      return command(verbs, 'Hang up', dispatchCommand(handlers, 'drop', action.otherNumber ? { otherNumber: action.otherNumber } : {}));
    case 'setDnd':
      return command(verbs, 'Do not disturb', dispatchCommand(handlers, 'setDnd', { on: action.on }));
    case 'setForward':
      return command(
        verbs,
        'Forward',
        dispatchCommand(handlers, 'setForward', { type: action.forwardType, on: action.on, ...(action.number ? { number: action.number } : {}) }),
      );
    case 'setAgentState':
      return command(verbs, 'Agent state', dispatchCommand(handlers, 'setAgentState', { state: action.state }));
    case 'open':
      verbs.openMainWindow();
      return;
    case 'settings':
      verbs.openSettings();
      return;
    case 'quit':
      verbs.quit();
      return;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
