/**
 * Readable output of a typed result (pure). `--json` prints the typed result itself; this is the
 * human form: `ok` for a standard result, one line for a state, aligned tables for lists, a
 * summary for a snapshot.
 */
import type { TelResult } from '../../common/telservices/replies';
import type { ForwardInfo, HistoryRecord, Party } from '../../common/telservices/structures';
import { table } from './format-table';
import { describeAgent, describeSnapshot, shown } from './format-snapshot';
import { describeRoutingStatistics, describeUserStatistics } from './format-statistics';

export function formatResult(result: TelResult): string {
  switch (result.type) {
    case 'standard':
      return 'ok';
    case 'qualifyCall':
      return result.name === undefined ? result.number : `${result.number}  ${result.name}`;
    case 'agent':
      return describeAgent(result.agent);
    case 'doNotDisturb':
      return `dnd ${result.state}`;
    case 'msgWaiting':
      return `msg-waiting ${result.state}`;
    case 'forwards':
      return forwardsTable(result.forwards);
    case 'history':
      return historyTable(result.records);
    case 'userStatistics':
      return describeUserStatistics(result.statistics);
    case 'searchDirectory':
      return partiesTable(result.parties);
    case 'snapshot':
      return describeSnapshot(result.snapshot);
    case 'routingPointState':
      return shown(result.state);
    case 'routingPointStatistics':
      return describeRoutingStatistics(result.statistics);
    default: {
      const unreachable: never = result;
      return JSON.stringify(unreachable);
    }
  }
}

export function forwardsTable(forwards: readonly ForwardInfo[]): string {
  if (forwards.length === 0) return 'no forward';
  return table(
    ['TYPE', 'STATE', 'NUMBER'],
    forwards.map((f) => [shown(f.type), f.state, f.number ?? '']),
  );
}

export function partiesTable(parties: readonly Party[]): string {
  if (parties.length === 0) return 'no match';
  return table(
    ['NUMBER', 'NAME', 'TYPE', 'COMPANY'],
    parties.map((p) => [p.number, p.name ?? '', p.numberType ?? '', p.company ?? '']),
  );
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}

export function historyTable(records: readonly HistoryRecord[]): string {
  if (records.length === 0) return 'no record';
  return table(
    ['DATE', 'TIME', 'DEVICE', 'USER', 'DIR', 'NUMBER', 'NAME', 'ALERTING', 'DURATION', 'CONNECTED', 'CAUSE', 'AGENT'],
    records.map((r) => [
      r.creationDate,
      r.creationTime,
      r.deviceNumber ?? '',
      r.userID ?? '',
      r.isOutgoing === undefined ? '' : r.isOutgoing ? 'out' : 'in',
      r.otherParty?.number ?? '',
      r.otherParty?.name ?? '',
      r.alertingDuration ?? '',
      r.duration ?? '',
      yesNo(r.isConnected),
      r.cause ?? '',
      r.agentState ?? '',
    ]),
  );
}
