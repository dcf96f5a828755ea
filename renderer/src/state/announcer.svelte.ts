/**
 * What the ARIA live region says: new calls, results of commands. Announcing never moves focus,
 * so a screen-reader user hears a new call without losing their place.
 */
export class Announcer {
  message = $state('');
  #n = 0;

  /** Says `text` politely. The same text twice in a row is still read (a counter makes it new). */
  say(text: string): void {
    this.#n += 1;
    // A zero-width joiner alternation makes the string differ, so assistive tech re-reads it.
    this.message = this.#n % 2 === 0 ? text : `${text}\u200d`;
  }
}
