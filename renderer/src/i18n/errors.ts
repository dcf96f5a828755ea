/**
 * Errors in words: one message per ErrorCode. The Record type makes the table exhaustive: a new
 * code in common/errors.ts fails the typecheck until it has its words here (and in every language,
 * since fr.ts is typed against en.ts).
 */
import type { ErrorCode, ErrorShape } from '../../../common/errors';
import { t, type MessageKey } from './i18n.svelte';

export const ERROR_MESSAGE_KEYS: Readonly<Record<ErrorCode, MessageKey>> = {
  pbxlinkOutOfService: 'error.pbxlinkOutOfService',
  pbxReject: 'error.pbxReject',
  pbxTimeout: 'error.pbxTimeout',
  noCall: 'error.noCall',
  noOpenSession: 'error.noOpenSession',
  sessionLimitExceeded: 'error.sessionLimitExceeded',
  reject: 'error.reject',
  invalidCredentials: 'error.invalidCredentials',
  resourceError: 'error.resourceError',
  timeout: 'error.timeout',
  connectionRefused: 'error.connectionRefused',
  closedWithoutReply: 'error.closedWithoutReply',
  network: 'error.network',
  malformedReply: 'error.malformedReply',
  httpStatus: 'error.httpStatus',
  invalidArgument: 'error.invalidArgument',
  notConnected: 'error.notConnected',
  unknownCommand: 'error.unknownCommand',
  cancelled: 'error.cancelled',
  badSettings: 'error.badSettings',
  internal: 'error.internal',
  limitExceeded: 'error.limitExceeded',
  serverError: 'error.serverError',
  unauthorized: 'error.unauthorized',
  tds_error: 'error.tds_error',
  pool_full: 'error.pool_full',
  no_session: 'error.no_session',
  unknown_zone: 'error.unknown_zone',
  campaign_not_found: 'error.campaign_not_found',
  no_reps_logged_on: 'error.no_reps_logged_on',
  off_hours: 'error.off_hours',
  arcFailed: 'error.arcFailed',
  dnisNotFound: 'error.dnisNotFound',
  dnisServerError: 'error.dnisServerError',
  notConfigured: 'error.notConfigured',
};

/** What the user reads for an error, in the current language. */
export function errorWords(error: Pick<ErrorShape, 'code'>): string {
  return t(ERROR_MESSAGE_KEYS[error.code]);
}
