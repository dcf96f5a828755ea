/**
 * What the connection banner says for a line's ConnectionView (pure): nothing while monitored
 * over UDP; otherwise one sentence in words, its tone, the countdown to the next try, the last
 * failure, and whether a Reconnect button makes sense. The banner informs; it never blocks.
 */
import type { ConnectionView } from '../../common/domain';
import type { MessageKey } from './i18n/i18n.svelte';

export type BannerTone = 'info' | 'warn' | 'error';

export interface BannerModel {
  tone: BannerTone;
  message: MessageKey;
  /** Whole seconds to the next try (reconnecting), never negative. */
  retryInS?: number;
  attempt?: number;
  /** The failure behind it (lastError), said with errorWords by the component. */
  errorCode?: NonNullable<ConnectionView['lastError']>['code'];
  /** "Reconnect now" (the reconnectLine command) is offered. */
  reconnect: boolean;
}

function stoppedMessage(reason: ConnectionView['reason']): MessageKey {
  switch (reason) {
    case 'closedByAdmin':
      return 'banner.stopped.admin';
    case 'monitoringRejected':
      return 'banner.stopped.rejected';
    case 'stoppedByClient':
      return 'banner.stopped.client';
    default:
      return 'banner.stopped';
  }
}

function eventsMessage(c: ConnectionView): MessageKey | undefined {
  switch (c.eventSource) {
    case 'periodicSnapshot':
      return 'banner.events.snapshot';
    case 'httpLongPoll':
    case 'tcpLongPoll':
      return 'banner.events.poll';
    case 'udp':
      return undefined;
    case undefined:
      return c.eventMode === 'poll' ? 'banner.events.poll' : undefined;
    default: {
      const never: never = c.eventSource;
      return never;
    }
  }
}

/** `undefined`: nothing to say (no line yet is said by the header, not here). */
export function bannerFor(c: ConnectionView | undefined, now: number): BannerModel | undefined {
  if (!c) return undefined;
  const error = c.lastError ? { errorCode: c.lastError.code } : {};
  switch (c.state) {
    case 'monitored': {
      const message = eventsMessage(c);
      return message ? { tone: 'info', message, reconnect: false } : undefined;
    }
    case 'connecting':
      return { tone: 'info', message: 'banner.connecting', reconnect: false, ...error };
    case 'reconnecting': {
      const model: BannerModel = {
        tone: 'warn',
        message: c.reason === 'sessionTimeout' ? 'banner.reconnecting.timeout' : 'banner.reconnecting',
        reconnect: true,
        ...error,
      };
      if (c.nextRetryAt !== undefined) model.retryInS = Math.max(0, Math.ceil((c.nextRetryAt - now) / 1000));
      if (c.attempt !== undefined) model.attempt = c.attempt;
      return model;
    }
    case 'linkOutOfService':
      return { tone: 'warn', message: 'banner.linkOutOfService', reconnect: false };
    case 'stopped':
      return { tone: 'error', message: stoppedMessage(c.reason), reconnect: c.reason !== 'stoppedByClient', ...error };
    default: {
      const never: never = c.state;
      return never;
    }
  }
}
