/**
 * A routing point's calendar: workingHours ("8:30/12:00,12/17"), nonWorkingDaysOfWeek ("1,7",
 * 1 is Sunday) and nonWorkingDays ("25-12", day-month). Outside it, calls go to the failure route.
 * Unreadable parts are ignored rather than closing the service.
 */
import type { RoutingPointConfig } from '../../../common/telservices/structures';

function minutes(hhmm: string): number | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(hhmm.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  return h <= 24 && min < 60 ? h * 60 + min : undefined;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function isWorkingTime(config: RoutingPointConfig, at: Date): boolean {
  const weekday = String(at.getDay() + 1);
  if (list(config.nonWorkingDaysOfWeek).includes(weekday)) return false;
  const dayMonth = `${at.getDate()}-${at.getMonth() + 1}`;
  if (list(config.nonWorkingDays).some((d) => d.replace(/^0/, '').replace(/-0/, '-') === dayMonth)) return false;
  const ranges = list(config.workingHours).flatMap((r) => {
    const [from, to] = r.split('/');
    const a = from === undefined ? undefined : minutes(from);
    const b = to === undefined ? undefined : minutes(to);
    return a !== undefined && b !== undefined ? [[a, b] as const] : [];
  });
  if (ranges.length === 0) return true;
  const now = at.getHours() * 60 + at.getMinutes();
  return ranges.some(([a, b]) => now >= a && now < b);
}
