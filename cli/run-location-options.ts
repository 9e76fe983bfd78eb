// The options every command that runs the pipeline takes: where the config, inbox, outputs and store are.
import type { Command } from 'commander';
import type { Messages } from './messages.ts';

export const RUN_DEFAULTS = { config: 'config/setagaya', inbox: 'inbox', sampleInbox: 'sample/inbox', out: 'out', store: 'out/store.duckdb' };

export interface RunLocations {
  config: string;
  inbox: string;
  out: string;
  /** false with --no-store. */
  store: string | false;
}

export function withRunLocations(command: Command, t: Messages): Command {
  return command
    .option('--config <dir>', t.optConfig, RUN_DEFAULTS.config)
    .option('--inbox <dir>', t.optInbox, RUN_DEFAULTS.inbox)
    .option('--out <dir>', t.optOut, RUN_DEFAULTS.out)
    .option('--store <file>', t.optStore, RUN_DEFAULTS.store)
    .option('--no-store', t.optNoStore);
}
