// The plan a command uses without --config: LEI_CONFIG, else the root-level choice in lei.yaml, else the only
// plan folder under config/. A setting, never a municipality written into the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../lib/repo-root.ts';

export function defaultConfigDir(): string {
  if (process.env.LEI_CONFIG) return process.env.LEI_CONFIG;
  return shown(chosenInLeiYaml() ?? onlyPlanFolder() ?? path.join(repoRoot, 'config'));
}

function chosenInLeiYaml(): string | undefined {
  const file = path.join(repoRoot, 'lei.yaml');
  if (!existsSync(file)) return undefined;
  const chosen: unknown = parse(readFileSync(file, 'utf8'));
  const dir = typeof chosen === 'object' && chosen !== null && 'config' in chosen ? chosen.config : undefined;
  return typeof dir === 'string' ? path.resolve(repoRoot, dir) : undefined;
}

function onlyPlanFolder(): string | undefined {
  const root = path.join(repoRoot, 'config');
  if (!existsSync(root)) return undefined;
  const plans = readdirSync(root).filter((n) => existsSync(path.join(root, n, 'plan.yaml')));
  return plans.length === 1 ? path.join(root, plans[0]!) : undefined;
}

/** Relative to the working directory when inside it, as people type it (config/setagaya). */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}
