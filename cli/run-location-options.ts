// The options every command that runs the pipeline takes: where the config, inbox, outputs and store are.
// Not given on the command line, inbox, out and store come from the plan's pipeline.yaml; a store not given
// follows --out (the store holds the run ledger, which belongs with the outputs it records).
import path from 'node:path';
import type { Command } from 'commander';
import { pipelineFolders } from '../pipelines/run-config.ts';
import { defaultConfigDir } from './default-config-dir.ts';
import type { Messages } from './messages.ts';

export const RUN_DEFAULTS = { config: defaultConfigDir(), sampleInbox: 'sample/inbox' };

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
    .option('--inbox <dir>', t.optInbox)
    .option('--out <dir>', t.optOut)
    .option('--store <file>', t.optStore)
    .option('--no-store', t.optNoStore)
    .hook('preAction', async (command) => {
      const pipeline = await pipelineFolders(String(command.getOptionValue('config')));
      const out: unknown = command.getOptionValue('out');
      if (command.getOptionValue('store') === undefined && typeof out === 'string')
        command.setOptionValueWithSource('store', path.join(out, 'store.duckdb'), 'default');
      for (const key of ['inbox', 'out', 'store'] as const) {
        if (command.getOptionValue(key) === undefined) command.setOptionValueWithSource(key, pipeline[key], 'config');
      }
    });
}

/** The store file, or null with --no-store. */
export function storeOf(locations: RunLocations): string | null {
  return locations.store === false ? null : locations.store;
}
