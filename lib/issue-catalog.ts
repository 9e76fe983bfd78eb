// Every issue code a user can see, declared once: severity, Japanese and English message templates with named
// parameters ({file}), and what to do. Sources and transforms build issues with `issueOf`, config checks with
// `configProblem`, the data contracts with `contractIssue`; docs/issues.md is generated from here
// (scripts/render-issue-docs.ts).
import { configIssueSpecs } from './issue-catalog/config.ts';
import { contractConsequenceJa, contractIssueSpecs, contractWordings } from './issue-catalog/contracts.ts';
import { industrySurveyIssueSpecs } from './issue-catalog/industry-survey.ts';
import { inputIssueSpecs } from './issue-catalog/inputs.ts';
import { koshaIssueSpecs } from './issue-catalog/kosha.ts';
import { manualEntryIssueSpecs } from './issue-catalog/manual-entry.ts';
import { resasIssueSpecs } from './issue-catalog/resas.ts';
import { resultIssueSpecs } from './issue-catalog/results.ts';
import { setagayaPayIssueSpecs } from './issue-catalog/setagaya-pay.ts';
import type { IssueSpec, MessageTemplate, ParamSignature, ParamsOf } from './issue-catalog/issue-spec.ts';
import type { Issue, IssueLocation, Severity } from './issues.ts';

export type { IssueSpec } from './issue-catalog/issue-spec.ts';

/** The catalog's areas, in the order docs/issues.md lists them. */
export const issueCatalogAreas = [
  { titleJa: '受信箱・ファイル', titleEn: 'Inbox and files', specs: inputIssueSpecs },
  { titleJa: '手入力ブック', titleEn: 'Manual-entry workbook', specs: manualEntryIssueSpecs },
  { titleJa: 'RESAS', titleEn: 'RESAS exports', specs: resasIssueSpecs },
  { titleJa: 'せたがやPay月次報告', titleEn: 'Setagaya Pay monthly reports', specs: setagayaPayIssueSpecs },
  { titleJa: '公社の記録', titleEn: 'Kosha records', specs: koshaIssueSpecs },
  { titleJa: '産業基礎調査', titleEn: 'Industry survey', specs: industrySurveyIssueSpecs },
  { titleJa: '集計・公表', titleEn: 'Resolving and publishing values', specs: resultIssueSpecs },
  { titleJa: 'データ規則', titleEn: 'Data contracts', specs: contractIssueSpecs },
  { titleJa: '設定ファイル', titleEn: 'Config files', specs: configIssueSpecs },
] as const;

export const issueCatalog = {
  ...inputIssueSpecs,
  ...manualEntryIssueSpecs,
  ...resasIssueSpecs,
  ...setagayaPayIssueSpecs,
  ...koshaIssueSpecs,
  ...industrySurveyIssueSpecs,
  ...resultIssueSpecs,
  ...contractIssueSpecs,
  ...configIssueSpecs,
} as const;

type Catalog = typeof issueCatalog;
export type IssueCode = keyof Catalog;
/** Codes of the data contracts (config/contract-rules.ts). */
export type ContractIssueCode = keyof typeof contractIssueSpecs;
/** Codes of problems in config files (ConfigProblem), as opposed to problems in inputs. */
export type ConfigProblemCode = keyof typeof configIssueSpecs;

/** The named parameters of a code's template: exactly these, no more, no fewer. */
export type IssueParams<C extends IssueCode> = ParamsOf<Catalog[C]['ja']>;

type SeverityOf<C extends IssueCode> = Extract<Catalog[C]['severity'] extends readonly (infer S)[] ? S : Catalog[C]['severity'], Severity>;

// Both languages name the same parameters (checked here, at compile time, for every code).
type SameParams<C extends IssueCode> = [ParamSignature<Catalog[C]['ja']>] extends [ParamSignature<Catalog[C]['en']>]
  ? [ParamSignature<Catalog[C]['en']>] extends [ParamSignature<Catalog[C]['ja']>]
    ? true
    : C
  : C;
type Mismatched = { [C in IssueCode]: SameParams<C> extends true ? never : C }[IssueCode];
const templatesAgree: [Mismatched] extends [never] ? true : Mismatched = true;
void templatesAgree;

const allSpecs: Record<string, IssueSpec> = issueCatalog;

/** Does an issue of this code reject its whole file (IssueSpec.rejectsFile)? */
export function rejectsFile(code: string): boolean {
  return allSpecs[code]?.rejectsFile === true;
}

export function isConfigProblemCode(value: unknown): value is ConfigProblemCode {
  return typeof value === 'string' && value in configIssueSpecs;
}

/** Fills `{name}` placeholders; a placeholder without a value is a bug the types already rule out. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function render(template: MessageTemplate, params: Readonly<Record<string, string | number>>): string {
  if (typeof template === 'string') return fillTemplate(template, params);
  const variant = params['variant'];
  const chosen = typeof variant === 'string' ? template[variant] : undefined;
  if (chosen === undefined) throw new Error(`message variant "${String(variant)}" is not in the catalog`);
  return fillTemplate(chosen, params);
}

/** The Japanese message of a code, as users read it. */
export function issueMessageJa<C extends IssueCode>(code: C, params: IssueParams<C>): string {
  return render(allSpecs[code]!.ja, params);
}

/** The English message of a code (for --lang en and the docs). */
export function issueMessageEn<C extends IssueCode>(code: C, params: IssueParams<C>): string {
  return render(allSpecs[code]!.en, params);
}

/**
 * An issue from the catalog. `severity` is needed only where the catalog lists more than one for the code
 * (e.g. a missing column is an error when an indicator uses it, a warning otherwise); the first is the default.
 */
export function issueOf<C extends IssueCode>(code: C, params: IssueParams<C>, location: IssueLocation = {}, raw?: unknown, severity?: SeverityOf<C>): Issue {
  const spec = allSpecs[code]!;
  const chosen: Severity = severity ?? (typeof spec.severity === 'string' ? spec.severity : spec.severity[0]!);
  const message = render(spec.ja, params);
  return raw === undefined ? { code, severity: chosen, message, location } : { code, severity: chosen, message, location, raw: String(raw) };
}

/** A contract finding's parameters: the message's, without the consequence that the severity decides. */
export type ContractFindingParams<C extends ContractIssueCode> = IssueParams<C> extends infer P ? (P extends unknown ? Omit<P, 'consequence'> : never) : never;

/**
 * A broken data contract: the issue at the severity contracts.yaml gives the rule (its message ends on what that
 * means for the value), and the finding alone, which a withheld value's reason repeats.
 */
export function contractIssue<C extends ContractIssueCode>(
  code: C,
  params: ContractFindingParams<C>,
  severity: keyof typeof contractConsequenceJa,
  location: IssueLocation,
  raw?: unknown,
): { issue: Issue; findingJa: string } {
  const filled: Readonly<Record<string, string | number>> = { ...params, consequence: contractConsequenceJa[severity] };
  const message = render(allSpecs[code]!.ja, filled);
  const issue: Issue = raw === undefined ? { code, severity, message, location } : { code, severity, message, location, raw: String(raw) };
  return { issue, findingJa: render(contractWordings[code].findingJa, filled) };
}
