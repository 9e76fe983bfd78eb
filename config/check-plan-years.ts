// Every fiscal year a plan's files name against its period (plan.yaml `period` and `milestones`): a target for a year
// the plan does not cover, or a revision decided after its target's year, would be dropped from every output without
// a word, so each is a config error with the file, line, year and what to do.
import path from 'node:path';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { planPeriodJa, type ActionPlanLine, type Measure, type Plan, type Slot, type Target } from './catalog-schema.ts';
import { configProblem, type ConfigProblem } from './config-problem.ts';
import { configPlace } from './config-place.ts';
import { CATALOG_ROWS, progressRows } from './config-rows.ts';
import type { ProgressFile } from './progress-schema.ts';

type Segments = (string | number)[];
type Place = (segments: Segments) => { file: string; path: string; line?: number };

export function checkPlanYears(
  dir: string,
  plan: Plan,
  files: { measureLists: { file: string; measures: Measure[] }[]; slots: Slot[]; lines: ActionPlanLine[]; progress?: ProgressFile },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { start, end } = plan.period;
  const targetYears = new Set([...Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i), ...plan.milestones.map((m) => m.fiscalYear)]);
  const last = Math.max(...targetYears);
  const period = planPeriodJa(plan);
  const era = (year: number) => formatFiscalYear(year);

  const target = (place: Place, at: Segments, year: number) => {
    if (!targetYears.has(year)) problems.push(configProblem('config-year-outside-plan', { variant: 'target', year, era: era(year), period }, place(at)));
  };
  const revision = (place: Place, at: Segments, year: number, targetYear: number) => {
    if (year < start || year > targetYear)
      problems.push(configProblem('config-year-outside-plan', { variant: 'revision', year, era: era(year), start, targetYear }, place(at)));
  };
  const notAfter = (place: Place, at: Segments, what: string, year: number) => {
    if (year > last) problems.push(configProblem('config-year-outside-plan', { variant: 'after', what, year, era: era(year), period, last }, place(at)));
  };
  /** A list's targets by year ("2027": 45 or { value, revisions }), each with its revisions. */
  const targetsByYear = (place: Place, at: Segments, targets: Record<string, Target> | undefined) => {
    for (const [key, t] of Object.entries(targets ?? {})) {
      const year = Number(key);
      target(place, [...at, key], year);
      if (t !== null && typeof t === 'object')
        t.revisions.forEach((r, j) => revision(place, [...at, key, 'revisions', j, 'revisedInFiscalYear'], r.revisedInFiscalYear, year));
    }
  };

  for (const { file, measures } of files.measureLists) {
    const place = configPlace(file, CATALOG_ROWS);
    measures.forEach((m, i) => {
      if (m.baseline) notAfter(place, ['measures', i, 'baseline', 'fiscalYear'], '基準値の年度', m.baseline.fiscalYear);
    });
  }
  const slots = configPlace(path.join(dir, 'slots.yaml'), CATALOG_ROWS);
  files.slots.forEach((s, i) => targetsByYear(slots, ['slots', i, 'targets'], s.targets));
  const lines = configPlace(path.join(dir, 'action-plan.yaml'), CATALOG_ROWS);
  files.lines.forEach((l, i) => targetsByYear(lines, ['lines', i, 'targets'], l.targets));

  const progress = files.progress;
  if (!progress) return problems;
  const place = configPlace(path.join(dir, 'progress.yaml'), progressRows(plan.terms));
  progress.yearRoles.forEach((r, i) => {
    if (r.fiscalYear === undefined) return;
    if (r.kind === 'target') target(place, ['yearRoles', i, 'fiscalYear'], r.fiscalYear);
    else notAfter(place, ['yearRoles', i, 'fiscalYear'], `年度の列「${r.labelJa}」の年度`, r.fiscalYear);
  });
  // The target's own year is the 目標値 column's (else the end of the period); byYear holds the other years' targets.
  const targetYear = progress.yearRoles.find((r) => r.kind === 'target')?.fiscalYear ?? end;
  progress.pillars.forEach((pillar, p) =>
    pillar.sections.forEach((section, s) =>
      section.indicators.forEach((indicator, k) => {
        const at: Segments = ['pillars', p, 'sections', s, 'indicators', k];
        const t = indicator.target;
        if (indicator.definitionChanged)
          notAfter(place, [...at, 'definitionChanged', 'fiscalYear'], '定義の変更の年度', indicator.definitionChanged.fiscalYear);
        if (!t || !('value' in t)) return;
        t.revisions?.forEach((r, j) => revision(place, [...at, 'target', 'revisions', j, 'revisedInFiscalYear'], r.revisedInFiscalYear, targetYear));
        for (const [key, byYear] of Object.entries(t.byYear ?? {})) {
          const year = Number(key);
          target(place, [...at, 'target', 'byYear', key], year);
          if (typeof byYear === 'object')
            byYear.revisions?.forEach((r, j) =>
              revision(place, [...at, 'target', 'byYear', key, 'revisions', j, 'revisedInFiscalYear'], r.revisedInFiscalYear, year),
            );
        }
      }),
    ),
  );
  return problems;
}
