/**
 * CtiServices that reach no TelServer, for tests of the contract and the IPC registration: port 9 on
 * loopback, where nothing listens, so any request fails fast with a transport error.
 */
import { CtiService } from '../../main/core/service';
import { telServicesLinkFactory } from '../../main/core/telservices-link';
import { MemorySettingsStore } from '../../main/settings/store';
import { cleanupAfterEach } from './cleanup';

/**
 * For one test file: returns a function that makes such a service and stops every service it made
 * after each test. Call it once, at the top of the file.
 */
export function offlineServicesStoppedAfterEach(): () => CtiService {
  const cleanup = cleanupAfterEach();
  return () => {
    const s = new CtiService({ settings: new MemorySettingsStore({ serverPort: 9 }), linkFactory: telServicesLinkFactory });
    cleanup(() => s.stop());
    return s;
  };
}
