// Loads a municipality's catalog folder (config/<name>/*.yaml) into typed values, or stops with every
// problem found: file, line, path inside it and the reason. Nothing else is read before this passes.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { ActionPlanLine, Measure, Plan, Section, Slot, Target } from './catalog-schema.ts';
import { checkComposite } from './check-composite.ts';
import type { CompositeConfig } from './composite-schema.ts';
import { resolveProgress, type CatalogProgress } from './resolve-progress.ts';
import { configProblem, type ConfigProblem } from './config-problem.ts';
import { ConfigError } from './config-error.ts';
import { readConfigFile, type RowNames } from './read-config-file.ts';
import { closest } from './closest.ts';
import { checkPlanYears } from './check-plan-years.ts';
import { tierHint } from './tier-hint.ts';
import { configPlace } from './config-place.ts';
import { CATALOG_ROWS, progressRows } from './config-rows.ts';

export type { ConfigProblem } from './config-problem.ts';
export { ConfigError };
export { CATALOG_ROWS, progressRows };

export interface CatalogSlot extends Slot {
  id: string;
}

/** An action-plan line with its reprint resolved: targets and total are always present. */
export interface CatalogLine extends ActionPlanLine {
  targets: Record<string, Target>;
  total: NonNullable<ActionPlanLine['total']>;
}

export interface Catalog {
  dir: string;
  plan: Plan;
  sections: Section[];
  measures: Map<string, Measure>;
  slots: CatalogSlot[];
  lines: CatalogLine[];
  /** 持続可能な地域経済の充実度: how the composite index is computed (composite.yaml), when the plan defines one. */
  composite?: CompositeConfig;
  /** A ward progress table (progress.yaml): pillars → sections → indicators with year roles and grades. */
  progress?: CatalogProgress;
  /** The config files read, for the run id and lineage. */
  files: string[];
}

const KNOWN_FILES = /^(plan|sections|measures(?:-[a-z0-9-]+)?|slots|action-plan|pipeline|composite|progress|contracts)\.ya?ml$/;

export function slotId(slot: Pick<Slot, 'vision' | 'tier' | 'position'>): string {
  return `v${slot.vision}-${slot.tier}-${slot.position}`;
}

export async function loadCatalog(dir: string): Promise<Catalog> {
  const problems: ConfigProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    throw new ConfigError([configProblem('config-folder-not-found', {}, { file: dir, path: '' })]);
  }
  for (const n of names) {
    if (!KNOWN_FILES.test(n)) {
      problems.push(configProblem('config-unknown-file', {}, { file: path.join(dir, n), path: '' }));
    }
  }

  const read = <S extends z.ZodType>(name: string, schema: S | (() => Promise<S>), rowNames: RowNames = CATALOG_ROWS) =>
    readConfigFile(path.join(dir, name), schema, problems, rowNames);
  // The schemas (and zod) are loaded only for a file not checked before by this code (config/config-file-cache.ts).
  const schemas = () => import('./catalog-schema.ts');

  if (!names.includes('plan.yaml')) problems.push(configProblem('config-plan-missing', {}, { file: path.join(dir, 'plan.yaml'), path: '' }));
  const plan = names.includes('plan.yaml') ? await read('plan.yaml', () => schemas().then((m) => m.planSchema)) : undefined;
  const sections = names.includes('sections.yaml') ? ((await read('sections.yaml', () => schemas().then((m) => m.sectionsFileSchema)))?.sections ?? []) : [];
  const measureFiles = names.filter((n) => /^measures(?:-[a-z0-9-]+)?\.ya?ml$/.test(n));
  const measureLists: { file: string; measures: Measure[] }[] = [];
  for (const n of measureFiles) {
    const m = await read(n, () => schemas().then((m) => m.measuresFileSchema));
    if (m) measureLists.push({ file: path.join(dir, n), measures: m.measures });
  }
  const slots = names.includes('slots.yaml') ? ((await read('slots.yaml', () => schemas().then((m) => m.slotsFileSchema)))?.slots ?? []) : [];
  const lines = names.includes('action-plan.yaml') ? ((await read('action-plan.yaml', () => schemas().then((m) => m.actionPlanFileSchema)))?.lines ?? []) : [];
  const composite = names.includes('composite.yaml')
    ? await read('composite.yaml', () => import('./composite-schema.ts').then((m) => m.compositeFileSchema))
    : undefined;
  const progressFile = names.includes('progress.yaml')
    ? await read(
        'progress.yaml',
        () => import('./progress-schema.ts').then((m) => m.progressFileSchema),
        progressRows(plan?.terms ?? { pillar: '柱', section: '施策' }),
      )
    : undefined;
  if (problems.length > 0 || !plan) throw new ConfigError(problems);

  const catalog = crossCheck(dir, plan, sections, measureLists, slots, lines, problems);
  problems.push(...checkPlanYears(dir, plan, { measureLists, slots, lines, ...(progressFile ? { progress: progressFile } : {}) }));
  if (progressFile) {
    const resolved = resolveProgress(path.join(dir, 'progress.yaml'), progressFile, plan, catalog.measures, problems);
    for (const m of resolved.measures) catalog.measures.set(m.id, m);
    catalog.progress = resolved.progress;
  }
  if (composite) problems.push(...checkComposite(composite, catalog.measures, catalog.slots, path.join(dir, 'composite.yaml')));
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...catalog, ...(composite ? { composite } : {}), files: names.map((n) => path.join(dir, n)) };
}

function crossCheck(
  dir: string,
  plan: Plan,
  sections: Section[],
  measureLists: { file: string; measures: Measure[] }[],
  slots: Slot[],
  lines: ActionPlanLine[],
  problems: ConfigProblem[],
): Omit<Catalog, 'files' | 'progress'> & { progress?: CatalogProgress } {
  const measures = new Map<string, Measure>();
  for (const { file, measures: list } of measureLists) {
    const place = configPlace(file, CATALOG_ROWS);
    list.forEach((m, i) => {
      if (measures.has(m.id)) problems.push(configProblem('config-duplicate-measure-id', { id: m.id, position: i + 1 }, place(['measures', i, 'id'])));
      measures.set(m.id, m);
    });
  }
  const visions = new Set(plan.visions.map((v) => v.number));
  const visionList = plan.visions.length > 0 ? [...visions].join('・') : 'plan.yaml に visions がありません';
  const slotsAt = configPlace(path.join(dir, 'slots.yaml'), CATALOG_ROWS);
  const seenSlots = new Set<string>();
  const catalogSlots: CatalogSlot[] = slots.map((printed, i) => {
    // A slot names its tier by the plan's id or printed label (活動指標); the catalog keeps the id.
    const tier = plan.tiers.find((t) => t.id === printed.tier || t.labelJa === printed.tier);
    if (!tier) {
      problems.push(
        configProblem(
          'config-unknown-tier',
          { tier: printed.tier, tiers: plan.tiers.map((t) => `${t.labelJa}（${t.id}）`).join('・'), hint: tierHint(printed.tier, plan) },
          slotsAt(['slots', i, 'tier']),
        ),
      );
    }
    const s = { ...printed, tier: tier?.id ?? printed.tier };
    const id = s.id ?? slotId(s);
    if (seenSlots.has(id)) problems.push(configProblem('config-duplicate-slot', { id }, slotsAt(['slots', i])));
    seenSlots.add(id);
    if (!measures.has(s.measure)) problems.push(unknownMeasure(s.measure, measures, slotsAt(['slots', i, 'measure'])));
    if (!visions.has(s.vision))
      problems.push(configProblem('config-unknown-vision', { vision: s.vision, visions: visionList }, slotsAt(['slots', i, 'vision'])));
    (s.alsoVisions ?? []).forEach((v, j) => {
      if (!visions.has(v)) problems.push(configProblem('config-unknown-vision', { vision: v, visions: visionList }, slotsAt(['slots', i, 'alsoVisions', j])));
    });
    return { ...s, id };
  });

  const sectionsAt = configPlace(path.join(dir, 'sections.yaml'), CATALOG_ROWS);
  const seenSections = new Set<string>();
  sections.forEach((s, i) => {
    if (seenSections.has(s.id)) problems.push(configProblem('config-duplicate-section-id', { id: s.id }, sectionsAt(['sections', i, 'id'])));
    seenSections.add(s.id);
    if (!visions.has(s.vision))
      problems.push(configProblem('config-unknown-vision', { vision: s.vision, visions: visionList }, sectionsAt(['sections', i, 'vision'])));
  });
  const linesAt = configPlace(path.join(dir, 'action-plan.yaml'), CATALOG_ROWS);
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const byId = new Map<string, ActionPlanLine>();
  lines.forEach((l, i) => {
    if (byId.has(l.id)) problems.push(configProblem('config-duplicate-line-id', { id: l.id, position: i + 1 }, linesAt(['lines', i, 'id'])));
    byId.set(l.id, l);
  });
  const catalogLines: CatalogLine[] = [];
  lines.forEach((l, i) => {
    const at = (...rest: (string | number)[]) => linesAt(['lines', i, ...rest]);
    if (!measures.has(l.measure)) problems.push(unknownMeasure(l.measure, measures, at('measure')));
    if (!visions.has(l.vision)) problems.push(configProblem('config-unknown-vision', { vision: l.vision, visions: visionList }, at('vision')));
    const section = sectionById.get(l.section);
    if (sections.length > 0 && !section) {
      problems.push(configProblem('config-unknown-section', { section: l.section, sections: [...sectionById.keys()].join('・') }, at('section')));
    } else if (section && section.vision !== l.vision && visions.has(l.vision) && visions.has(section.vision)) {
      problems.push(configProblem('config-line-section-other-vision', { section: l.section, sectionVision: section.vision, vision: l.vision }, at('section')));
    }
    let source: ActionPlanLine | undefined = l;
    if (l.reprintOf) {
      source = byId.get(l.reprintOf);
      if (l.targets || l.total) {
        problems.push(configProblem('config-reprint-with-targets', {}, at()));
      }
      if (!source) {
        problems.push(configProblem('config-reprint-source-missing', { id: l.reprintOf }, at('reprintOf')));
      } else if (source.reprintOf) {
        problems.push(configProblem('config-reprint-of-reprint', { id: l.reprintOf }, at('reprintOf')));
        source = undefined;
      }
    } else if (!l.targets || !l.total) {
      problems.push(configProblem('config-line-without-targets', {}, at()));
      source = undefined;
    }
    if (source?.targets && source.total) catalogLines.push({ ...l, targets: source.targets, total: source.total });
  });
  return { dir, plan, sections, measures, slots: catalogSlots, lines: catalogLines };
}

function unknownMeasure(id: string, measures: Map<string, Measure>, where: { file: string; path: string }): ConfigProblem {
  const hint = closest(id, [...measures.keys()]);
  return configProblem('config-unknown-measure', { variant: 'defined', id, hint: hint ? `（「${hint}」のことですか？）` : '' }, where);
}
