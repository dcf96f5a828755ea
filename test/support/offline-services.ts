/**
 * CtiServices that reach no TelServer, for tests of the contract and the IPC registration: port 9 on
 * loopback, where nothing listens, so any request fails fast with a transport error.
 */
import { afterEach } from 'vitest';
import { CtiService } from '../../main/core/service';
import { telServicesLinkFactory } from '../../main/core/telservices-link';
import { MemorySettingsStore } from '../../main/settings/store';

/**
 * For one test file: returns a function that makes such a service and stops every service it made
 * after each test. Call it once, at the top of the file.
 */
export function offlineServicesStoppedAfterEach(): () => CtiService {
  const services: CtiService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
  });
  return () => {
    const s = new CtiService({ settings: new MemorySettingsStore({ serverPort: 9 }), linkFactory: telServicesLinkFactory });
    services.push(s);
    return s;
  };
}
