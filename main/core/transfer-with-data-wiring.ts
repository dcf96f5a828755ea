/**
 * How CtiService plugs transfer with data in: its current Line as a TransferLinePort and the three
 * command handlers (the transfer data client comes from ./rest-clients).
 */
import type { CommandHandlers } from '../../common/contract';
import type { Line } from './line';
import type { TransferLinePort, TransfersWithData } from './transfer-with-data';

export function linePort(line: Line): TransferLinePort {
  return {
    lineId: line.lineId,
    deviceNumber: line.deviceNumber,
    calls: () => line.state.calls,
    command: (req) => line.command(req),
    onChange: (listener) => line.on('patch', () => listener()),
  };
}

type TransferHandlers = Pick<CommandHandlers, 'startTransferWithData' | 'completeTransferWithData' | 'cancelTransferWithData' | 'listTransfersWithData'>;

export function transferWithDataHandlers(transfers: TransfersWithData): TransferHandlers {
  return {
    startTransferWithData: (a) => transfers.start(a),
    completeTransferWithData: (a) => transfers.complete(a.id),
    cancelTransferWithData: (a) => transfers.cancel(a.id),
    listTransfersWithData: async () => transfers.list(),
  };
}
