import { describe, expect, it } from 'vitest';
import { chooseStartup } from '../../../main/core/runtime';

describe('chooseStartup', () => {
  it('is the demo on a first run (no settings file yet)', () => {
    expect(chooseStartup({}, false)).toEqual({ demo: true });
  });

  it('uses the saved TelServer once settings exist', () => {
    expect(chooseStartup({}, true)).toEqual({ demo: false, overrides: {} });
  });

  it('obeys CTI_DEMO=1 and CTI_DEMO=0 whatever the settings file says, and ignores other values', () => {
    expect(chooseStartup({ CTI_DEMO: '1' }, true)).toEqual({ demo: true });
    expect(chooseStartup({ CTI_DEMO: '0' }, false)).toEqual({ demo: false, overrides: {} });
    expect(chooseStartup({ CTI_DEMO: 'yes' }, true)).toEqual({ demo: false, overrides: {} });
  });

  it('takes CTI_TELSERVER (and CTI_DEVICE) over everything, IPv6 included', () => {
    expect(chooseStartup({ CTI_TELSERVER: '10.0.0.5:5100', CTI_DEMO: '1' }, false)).toEqual({
      demo: false,
      overrides: { serverHost: '10.0.0.5', serverPort: 5100 },
    });
    expect(chooseStartup({ CTI_TELSERVER: '[::1]:8800', CTI_DEVICE: '8001' }, true)).toEqual({
      demo: false,
      overrides: { serverHost: '::1', serverPort: 8800, deviceNumber: '8001' },
    });
  });

  it('refuses a CTI_TELSERVER that is not HOST:PORT instead of falling back to the demo', () => {
    for (const bad of ['telserver', 'host:0', 'host:70000', ':5100']) {
      expect(() => chooseStartup({ CTI_TELSERVER: bad }, false)).toThrowError(expect.objectContaining({ code: 'invalidArgument' }));
    }
  });
});
