import { describe, expect, it, vi } from 'vitest';
import { ReconnectTrigger, networkFingerprint, type WakeReason } from '../../../main/desktop/network';

describe('networkFingerprint', () => {
  it('changes when an external address comes or goes, not for loopback or link-local', () => {
    const wifi = { wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }], lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] };
    const sameOtherOrder = { lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }], wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }] };
    const cable = { eth0: [{ address: '10.0.0.5', family: 'IPv4', internal: false }] };
    expect(networkFingerprint(wifi)).toBe(networkFingerprint(sameOtherOrder));
    expect(networkFingerprint(wifi)).not.toBe(networkFingerprint(cable));
    expect(networkFingerprint({ lo: wifi.lo })).toBe('');
  });
});

describe('ReconnectTrigger', () => {
  it('folds a burst of wake-ups into one reconnect, one second after the last', () => {
    vi.useFakeTimers();
    try {
      const reconnect = vi.fn<(reasons: readonly WakeReason[]) => void>();
      const trigger = new ReconnectTrigger(reconnect, { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) });
      trigger.wake('resume');
      vi.advanceTimersByTime(500);
      trigger.wake('network');
      vi.advanceTimersByTime(999);
      expect(reconnect).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(reconnect).toHaveBeenCalledExactlyOnceWith(['resume', 'network']);
      trigger.wake('unlock');
      trigger.stop();
      vi.advanceTimersByTime(5000);
      expect(reconnect).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
