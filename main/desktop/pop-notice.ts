/**
 * The native notification that goes with a screen pop: its words, and whether it can carry an
 * Answer button (macOS and Windows notifications have actions; most Linux servers do not promise
 * them, so there a click opens the app instead).
 */
import type { CallView } from '../../common/domain';

export interface PopNotice {
  readonly title: string;
  readonly body: string;
  readonly actions: readonly { readonly type: 'button'; readonly text: string }[];
}

export function supportsNotificationActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export function popNotice(call: CallView, platform: NodeJS.Platform): PopNotice {
  const leg = call.primary ?? call.secondary;
  const p = leg?.otherParty;
  const who = p === undefined ? 'Unknown caller' : p.name ? p.name : p.hidden ? 'Hidden number' : p.number || 'Unknown caller';
  const details = [p?.company, p?.name && !p.hidden ? p.number : undefined, leg?.dialledNumber ? `for ${leg.dialledNumber}` : undefined].filter(
    (x): x is string => x !== undefined && x !== '',
  );
  return {
    title: `Incoming call: ${who}`,
    body: details.join(' · '),
    actions: supportsNotificationActions(platform) ? [{ type: 'button', text: 'Answer' }] : [],
  };
}
