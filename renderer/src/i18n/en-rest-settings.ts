/**
 * English messages of the REST services' settings section: one fieldset per service, each with
 * its Test. Spread into en.ts; fr-rest-settings.ts translates every key.
 */
export const enRestSettings = {
  'set.group.tds': 'Transfer data',
  'set.group.arc': 'Agent remote control',
  'set.group.dnisFree': 'DNIS release',
  'set.restTest': 'Test',
  'set.restTest.label': 'Test {service}',
  'set.restTest.ok': 'Works: answered in {ms} ms.',
  'set.restTest.hint': 'Uses the values above, saved or not, and the secret saved under Secrets. Nothing is changed on the service.',
} as const;
