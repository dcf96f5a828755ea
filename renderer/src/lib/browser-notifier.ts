/**
 * Web mode's system notification for a new call while the tab is hidden. Permission is asked once
 * (the answer is the browser's to keep); refused or unsupported, the pop still shows in the page.
 */
import type { PopNotifier } from '../state/pop.svelte';

export function browserNotifier(doc: Pick<Document, 'hidden'> = document): PopNotifier | undefined {
  if (typeof Notification === 'undefined') return undefined;
  let asked = false;
  return {
    notify(title, body) {
      if (Notification.permission === 'default' && !asked) {
        asked = true;
        void Notification.requestPermission();
        return;
      }
      if (Notification.permission === 'granted' && doc.hidden) new Notification(title, { body, tag: 'cti-incoming' });
    },
  };
}
