// The family registry is the one list of source families: the lists config must still spell out by hand (config/ may
// not import pipelines/) are checked against it, and every family's config file is found and checked by it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { pipelineConfigSchema } from '../config/pipeline-schema.ts';
import { sourceKindNames } from '../config/contracts-schema.ts';
import { adapterFedSourceKinds, configureFamilies, sourceFamilies } from '../pipelines/source-families.ts';
import { setagayaConfig } from './helpers.ts';

describe('the source family registry', () => {
  it('names the same families as pipeline.yaml sources accepts, each once', () => {
    const families = sourceFamilies.map((f) => f.family);
    expect(new Set(families).size).toBe(families.length);
    expect([...families].sort()).toEqual([...pipelineConfigSchema.parse({}).sources].sort());
  });

  it('feeds every source kind but manual entry and the resident survey (entered by hand) through a family', () => {
    expect([...adapterFedSourceKinds].sort()).toEqual(sourceKindNames.filter((k) => k !== 'manual' && k !== 'residentSurvey').sort());
  });

  it('finds each family’s layout config of a plan, as config/<city>/sources/<family>.yaml', async () => {
    const catalog = await loadCatalog(setagayaConfig);
    const configured = await configureFamilies(catalog.dir, catalog);
    expect(configured.map((c) => [c.family.family, c.configFile && path.relative(catalog.dir, c.configFile)])).toEqual([
      ['manual-entry', undefined],
      ['resas', 'sources/resas.yaml'],
      ['setagaya-pay', 'sources/setagaya-pay.yaml'],
      ['kosha', 'sources/kosha.yaml'],
      ['industry-survey', 'sources/industry-survey.yaml'],
    ]);
  });
});
