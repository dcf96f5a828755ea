/** What a REST subcommand prints: its typed result (for --json) and the same as text. */
export interface RestOutput {
  result: unknown;
  text: string;
}

/** A validated command, ready to run: nothing touched the network yet. */
export type RestJob = () => Promise<RestOutput>;
