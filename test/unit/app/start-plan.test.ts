import { describe, expect, it } from 'vitest';
import { planStart, shouldFallBackToWeb, STARTUP_GRACE_MS, type StartFacts } from '../../../scripts/lib/start-plan.mjs';

const desktopReady: StartFacts = {
  platform: 'linux',
  env: { DISPLAY: ':0' },
  argv: [],
  electronPathTxt: 'electron',
  electronBinaryExists: true,
  hasWebScript: true,
};

describe('planStart', () => {
  it('starts the desktop app in demo mode when Electron can run and no TelServer is set', () => {
    expect(planStart(desktopReady)).toEqual({
      mode: 'desktop',
      demo: true,
      tryInstallElectron: false,
      reason: 'the Electron binary is installed',
    });
  });

  it('is not a demo once CTI_TELSERVER is set', () => {
    expect(planStart({ ...desktopReady, env: { DISPLAY: ':0', CTI_TELSERVER: '10.0.0.5:5100' } }).demo).toBe(false);
  });

  it('falls back to web mode without the Electron binary, saying why', () => {
    const noPathTxt = planStart({ ...desktopReady, electronPathTxt: null, electronBinaryExists: false });
    expect(noPathTxt.mode).toBe('web');
    expect(noPathTxt.reason).toContain('path.txt is missing');

    const noDist = planStart({ ...desktopReady, electronBinaryExists: false });
    expect(noDist.mode).toBe('web');
    expect(noDist.reason).toContain('node_modules/electron/dist/electron is missing');
  });

  it('tries to fetch a missing Electron binary only where it could then run', () => {
    const missing = { ...desktopReady, electronPathTxt: null, electronBinaryExists: false };
    expect(planStart(missing).tryInstallElectron).toBe(true);
    expect(planStart({ ...missing, env: {} }).tryInstallElectron).toBe(false);
    expect(planStart({ ...missing, argv: ['--web'] }).tryInstallElectron).toBe(false);
    expect(planStart(desktopReady).tryInstallElectron).toBe(false);
  });

  it('falls back to web mode on a Linux machine without a display', () => {
    const plan = planStart({ ...desktopReady, env: {} });
    expect(plan.mode).toBe('web');
    expect(plan.reason).toContain('no display');
    expect(planStart({ ...desktopReady, env: { WAYLAND_DISPLAY: 'wayland-0' } }).mode).toBe('desktop');
    expect(planStart({ ...desktopReady, platform: 'win32', env: {} }).mode).toBe('desktop');
  });

  it('goes to web mode when asked', () => {
    expect(planStart({ ...desktopReady, argv: ['--web'] }).mode).toBe('web');
    expect(planStart({ ...desktopReady, env: { DISPLAY: ':0', CTI_WEB: '1' } }).mode).toBe('web');
  });

  it('says clearly when web mode is needed but not there yet', () => {
    const plan = planStart({ ...desktopReady, electronPathTxt: null, electronBinaryExists: false, hasWebScript: false });
    expect(plan.mode).toBe('unavailable');
    expect(plan.reason).toContain('no "web" script');
  });
});

describe('shouldFallBackToWeb', () => {
  it('falls back when the binary cannot be spawned or dies during start-up', () => {
    expect(shouldFallBackToWeb({ code: 127, spawnError: true, uptimeMs: 3 })).toBe(true);
    expect(shouldFallBackToWeb({ code: 1, spawnError: false, uptimeMs: 200 })).toBe(true);
  });

  it('does not restart in web mode after a normal quit or a late crash', () => {
    expect(shouldFallBackToWeb({ code: 0, spawnError: false, uptimeMs: 100 })).toBe(false);
    expect(shouldFallBackToWeb({ code: 1, spawnError: false, uptimeMs: STARTUP_GRACE_MS + 1 })).toBe(false);
  });
});
