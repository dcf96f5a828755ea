/**
 * The sections of the Settings view, in order. Each is its own component that takes what it needs
 * from context; `claims` lists the core settings (top-level keys) it edits, so a test can prove
 * every field of settingsSchema has a place in the view.
 *
 * Other areas add their section here, as one entry (and their component in their own folder):
 *   - D (desktop shell): a section for the desktop fields may replace the 'desktop' entry below
 *     (claim the same keys);
 *   - the REST services: ServicesSection, a fieldset and a Test per service (their passwords and
 *     token are in the secrets section).
 */
import type { Component } from 'svelte';
import type { Settings } from '../../../../common/schemas';
import { FIELDS, type FieldGroup } from '../../settings-fields';
import FieldsSection from './sections/FieldsSection.svelte';
import PreferencesSection from './sections/PreferencesSection.svelte';
import SecretsSection from './sections/SecretsSection.svelte';
import DesktopSection from './desktop/DesktopSection.svelte';
import ServicesSection from './services/ServicesSection.svelte';
import { REST_SERVICES } from '../../../../common/rest-settings';

export interface SettingsSection {
  id: string;
  // Sections take their own props (or none); the view passes `props` as given.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  props?: Record<string, unknown>;
  claims: readonly (keyof Settings)[];
}

function keysOf(groups: readonly FieldGroup[]): (keyof Settings)[] {
  return [...new Set(FIELDS.filter((f) => groups.includes(f.group)).map((f) => f.path.split('.')[0] as keyof Settings))];
}

const SERVER_GROUPS: readonly FieldGroup[] = ['server', 'line', 'advanced'];
const DESKTOP_GROUPS: readonly FieldGroup[] = ['desktop'];
const SERVICES_GROUPS: readonly FieldGroup[] = REST_SERVICES;

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'server', component: FieldsSection, props: { groups: SERVER_GROUPS, withTest: true }, claims: keysOf(SERVER_GROUPS) },
  { id: 'secrets', component: SecretsSection, claims: [] },
  { id: 'preferences', component: PreferencesSection, claims: [] },
  // ---- D: the desktop shell's section: its fields, what the desktop made of them, About ----
  { id: 'desktop', component: DesktopSection, claims: keysOf(DESKTOP_GROUPS) },
  { id: 'services', component: ServicesSection, claims: keysOf(SERVICES_GROUPS) },
];
