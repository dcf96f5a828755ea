/** French messages of the REST services' settings section (typed against en-rest-settings.ts). */
import type { enRestSettings } from './en-rest-settings';

export const frRestSettings: Record<keyof typeof enRestSettings, string> = {
  'set.group.tds': 'Données de transfert',
  'set.group.arc': 'Pilotage agent',
  'set.group.dnisFree': 'Libération DNIS',
  'set.restTest': 'Tester',
  'set.restTest.label': 'Tester : {service}',
  'set.restTest.ok': 'Fonctionne : réponse en {ms} ms.',
  'set.restTest.hint': 'Utilise les valeurs ci-dessus, enregistrées ou non, et le secret enregistré sous Secrets. Rien n’est modifié sur le service.',
};
