// The run folder a command reads (explain, publish, serve): the one given, else `latest` in the selected plan's output
// folder (pipeline.yaml `out`, as lei run writes it). A folder another plan's run wrote is refused: its figures, ids
// and site are that plan's, not the one selected with --config / LEI_CONFIG / lei.yaml.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import type { ConfigProblem } from '../config/config-problem.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { UserError } from '../lib/user-error.ts';
import { pipelineFolders } from '../pipelines/run-config.ts';

/** `option` is how the command names the folder (--run, --dir), for the message that says how to point at the right one. */
export async function planRunFolder(configDir: string, given: string | undefined, option: string): Promise<string> {
  const own = path.join((await pipelineFolders(configDir)).out, 'latest');
  const dir = given ?? own;
  const manifest = await readFile(path.join(dir, 'manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as { plan_id?: unknown; config_dir?: unknown },
    // No run there (or not readable): the command says so in its own words.
    () => undefined,
  );
  if (typeof manifest?.plan_id !== 'string') return dir;
  const planId = await selectedPlanId(configDir);
  if (manifest.plan_id === planId) return dir;
  const otherConfig = typeof manifest.config_dir === 'string' ? manifest.config_dir : undefined;
  const useOther = otherConfig ? `--config ${otherConfig}` : `その計画の設定フォルダを --config`;
  const useOtherEn = otherConfig ? `--config ${otherConfig}` : `that plan's config folder with --config`;
  const pointAtOwn =
    given === undefined ? `lei run --config ${configDir} でこの計画を実行してください` : `${option} を外すか ${option} ${own} を指定してください`;
  const pointAtOwnEn = given === undefined ? `run lei run --config ${configDir} for this plan` : `leave out ${option} or give ${option} ${own}`;
  throw new UserError(
    `実行フォルダ「${dir}」は計画「${manifest.plan_id}」の実行です。選んだ計画は「${planId}」（設定フォルダ ${configDir}）なので使えません。` +
      `この計画の実行を使うなら ${pointAtOwn}。「${manifest.plan_id}」の実行を使うなら ${useOther} で指定してください`,
    `Run folder "${dir}" holds a run of plan "${manifest.plan_id}", not of the selected plan "${planId}" (config ${configDir}). ` +
      `For this plan, ${pointAtOwnEn}; for "${manifest.plan_id}", give ${useOtherEn}`,
  );
}

/** plan.yaml's id; a broken plan.yaml stops with its problems, as check-config would show them. */
async function selectedPlanId(configDir: string): Promise<string> {
  const problems: ConfigProblem[] = [];
  // The schema (and zod) loads only if plan.yaml was not checked before by this code (config/config-file-cache.ts).
  const plan = await readConfigFile(path.join(configDir, 'plan.yaml'), () => import('../config/catalog-schema.ts').then((m) => m.planSchema), problems);
  if (!plan) throw new ConfigError(problems);
  return plan.id;
}
