/**
 * The routing point `<config>` as command line flags (`routing-point start|update SERVICE ...`).
 * One table: flag -> config field and how to check its value, so --help, the parser and the
 * request builder cannot drift apart. Flag names are the wire names in kebab case.
 */
import { AGENTS_DISTRIBUTIONS } from '../../common/telservices/enums';
import type { RoutingPointConfig } from '../../common/telservices/structures';
import { usageError } from './exit-codes';
import { boolean, nonNegativeInteger, oneOf } from './validate';

type Check = 'seconds' | 'count' | 'workingHours' | 'daysOfWeek' | 'dayMonthList' | 'distribution' | 'boolean';

interface ConfigOption {
  flag: string;
  field: keyof RoutingPointConfig;
  check: Check;
  help: string;
}

/** What --help shows as the value of a flag, by the kind of value it checks. */
const PLACEHOLDER: Record<Check, string> = {
  seconds: 'S',
  count: 'N',
  workingHours: 'HOURS',
  daysOfWeek: 'DAYS',
  dayMonthList: 'DATES',
  distribution: 'D',
  boolean: 'BOOL',
};

export function placeholderOf(option: ConfigOption): string {
  return PLACEHOLDER[option.check];
}

export const ROUTING_CONFIG_OPTIONS: readonly ConfigOption[] = [
  { flag: 'service-timeout', field: 'serviceTimeout', check: 'seconds', help: 'stop the service after S seconds' },
  { flag: 'working-hours', field: 'workingHours', check: 'workingHours', help: 'worked hours, e.g. 8:30/12:00,13/17' },
  { flag: 'non-working-days-of-week', field: 'nonWorkingDaysOfWeek', check: 'daysOfWeek', help: 'days off, e.g. 1,7 (1 is Sunday)' },
  { flag: 'non-working-days', field: 'nonWorkingDays', check: 'dayMonthList', help: 'days off (DD-MM), e.g. 25-12,01-01' },
  { flag: 'no-answer-timeout', field: 'noAnswerTimeout', check: 'seconds', help: 'clear an unanswered call after S seconds' },
  { flag: 'failed-call-retry-timeout', field: 'failedCallRetryTimeout', check: 'seconds', help: 'S seconds between attempts' },
  { flag: 'failed-call-retry-limit', field: 'failedCallRetryLimit', check: 'count', help: 'retry a failed call N times at most' },
  { flag: 'agent-working-after-call-timeout', field: 'agentWorkingAfterCallTimeout', check: 'seconds', help: 'agent unavailable S seconds after a call' },
  { flag: 'distribution', field: 'agentsDistribution', check: 'distribution', help: AGENTS_DISTRIBUTIONS.join(', ') },
  { flag: 'queue-limit', field: 'queueLimit', check: 'count', help: 'queued calls, in % of the logged-on agents' },
  { flag: 'agent-logged-on-on-open-session', field: 'agentLoggedOnOnOpenSession', check: 'boolean', help: 'true: log agents on when they open a session' },
  { flag: 'agent-ready-on-logged-on', field: 'agentReadyOnLoggedOn', check: 'boolean', help: 'true: make agents ready when they log on' },
  {
    flag: 'immediate-abandon-timeout',
    field: 'statisticsIncomingCallImmediateAbandonTimeout',
    check: 'seconds',
    help: 'calls abandoned sooner are not counted',
  },
];

const HOUR = String.raw`\d{1,2}(?::\d{2})?`;
const WORKING_HOURS = new RegExp(`^${HOUR}/${HOUR}(?:,${HOUR}/${HOUR})*$`);
const DAYS_OF_WEEK = /^[1-7](?:,[1-7])*$/;
const DAY_MONTH_LIST = /^\d{1,2}-\d{1,2}(?:,\d{1,2}-\d{1,2})*$/;

function checked(value: string, check: Check, what: string): string {
  switch (check) {
    case 'seconds':
    case 'count':
      return nonNegativeInteger(value, what);
    case 'workingHours':
      if (WORKING_HOURS.test(value)) return value;
      throw usageError(`${what} '${value}' must look like 8:30/12:00,13/17`);
    case 'daysOfWeek':
      if (DAYS_OF_WEEK.test(value)) return value;
      throw usageError(`${what} '${value}' must be days 1-7 separated by commas`);
    case 'dayMonthList':
      if (DAY_MONTH_LIST.test(value)) return value;
      throw usageError(`${what} '${value}' must be DD-MM days separated by commas`);
    case 'distribution':
      return oneOf(AGENTS_DISTRIBUTIONS, value, what);
    case 'boolean':
      return value;
    default: {
      const unreachable: never = check;
      return unreachable;
    }
  }
}

/**
 * Builds the config from the flags present; undefined when none is given (the request then
 * carries no `<config>` at all, as in the spec's examples).
 */
export function routingConfigFrom(options: Readonly<Record<string, string | true>>): RoutingPointConfig | undefined {
  const config: Record<string, string | boolean> = {};
  for (const option of ROUTING_CONFIG_OPTIONS) {
    const raw = options[option.flag];
    if (typeof raw !== 'string') continue;
    const what = `--${option.flag}`;
    config[option.field] = option.check === 'boolean' ? boolean(raw, what) : checked(raw, option.check, what);
  }
  if (Object.keys(config).length === 0) return undefined;
  // Fields in the table's order, which is the spec's. Each value was checked above against its
  // field's type (distribution enum, boolean, digits ...).
  return config;
}
