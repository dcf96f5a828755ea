/** A PBX on a manual clock that records every event per device, for the model's unit tests. */
import type { TelEvent } from '../../../../common/telservices/events';
import type { TelReply } from '../../../../common/telservices/replies';
import type { CallInfo } from '../../../../common/telservices/structures';
import { valueName } from '../../../../common/telservices/enums';
import { Pbx, manualClock, type PbxOptions, type PbxRequest } from '../../../../main/simulator/pbx/model';

export function harness(options: Omit<PbxOptions, 'clock'> = {}) {
  const clock = manualClock(1_000_000);
  const errors: unknown[] = [];
  const pbx = new Pbx({ ...options, clock, onInternalError: (e) => errors.push(e) });
  const log: { device: string; event: TelEvent }[] = [];
  pbx.onEvent((device, event) => log.push({ device, event }));
  const exec = (req: PbxRequest): TelReply => pbx.execute(req, {});
  const ok = (req: PbxRequest): void => {
    const reply = exec(req);
    if (reply.kind !== 'result') throw new Error(`${req.type} failed: ${valueName(reply.error)}`);
  };
  return {
    pbx,
    clock,
    /** Bugs the model caught in itself (should stay empty). */
    errors,
    log,
    exec,
    ok,
    /** Events for a device, from the given log position on. */
    eventsOf: (device: string, from = 0): TelEvent[] => log.slice(from).filter((e) => e.device === device).map((e) => e.event),
    callsOf: (device: string, from = 0): CallInfo[] =>
      log
        .slice(from)
        .filter((e) => e.device === device)
        .flatMap((e) => (e.event.type === 'call' ? [e.event.call] : [])),
    mark: (): number => log.length,
    call: (from: string, to: string): void => ok({ type: 'makeCall', deviceNumber: from, calledDeviceNumber: to }),
    answer: (device: string): void => ok({ type: 'answerCall', deviceNumber: device }),
  };
}

export type Harness = ReturnType<typeof harness>;
