/**
 * zod 4 probes `new Function('')` to decide whether it may compile parsers; the renderer's CSP
 * forbids eval, so the probe itself is a CSP violation. Jitless mode skips the probe (parsing is
 * the same, only not compiled). Imported first by every renderer entry.
 */
import { z } from 'zod';

z.config({ jitless: true });
