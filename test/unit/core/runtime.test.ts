import { describe, expect, it } from 'vitest';
import { isDemoMode } from '../../../main/core/runtime';

describe('isDemoMode', () => {
  it('is the demo on a first run (no settings file yet)', () => {
    expect(isDemoMode({}, false)).toBe(true);
  });
  it('uses the configured TelServer once settings were saved', () => {
    expect(isDemoMode({}, true)).toBe(false);
  });
  it('obeys CTI_DEMO=1 and CTI_DEMO=0 whatever the settings file says', () => {
    expect(isDemoMode({ CTI_DEMO: '1' }, true)).toBe(true);
    expect(isDemoMode({ CTI_DEMO: '0' }, false)).toBe(false);
  });
  it('ignores other values of CTI_DEMO', () => {
    expect(isDemoMode({ CTI_DEMO: 'yes' }, true)).toBe(false);
    expect(isDemoMode({ CTI_DEMO: '' }, false)).toBe(true);
  });
});
