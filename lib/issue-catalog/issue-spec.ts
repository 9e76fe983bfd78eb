// The shape of one catalog entry, and the types that read a template's parameter names.
import type { Severity } from '../issues.ts';

/**
 * One message, or a few named wordings of it where the same code is reported in different situations
 * (a missing unit vs an unknown one): the caller names the variant, `{ variant: 'missing', … }`.
 */
export type MessageTemplate = string | { readonly [variant: string]: string };

export interface IssueSpec {
  /** The severity; a list where it depends on the case (the first is the default). */
  severity: Severity | readonly [Severity, ...Severity[]];
  /** The Japanese message users read, word for word, with named parameters: `値「{raw}」は…`. */
  ja: MessageTemplate;
  /** The same message in English, with the same variants and parameters. */
  en: MessageTemplate;
  /** What the user does about it (for docs/issues.md; the message itself says it in short). */
  whatToDoJa: string;
  whatToDoEn: string;
  /**
   * An error of this code rejects a whole file (or report): the values the file was expected to feed are withheld
   * with this code (pipelines/rejected-files.ts, docs/data-contracts.md), not published as never entered.
   */
  rejectsFile?: true;
}

/** `'値「{raw}」（{measure}）'` → `'raw' | 'measure'`. */
export type TemplateParams<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | TemplateParams<Rest> : never;

type ParamObject<P extends string> = [P] extends [never] ? Record<string, never> : { [K in P]: string | number };

/** The parameters a template takes; for variants, a union discriminated by `variant`. */
export type ParamsOf<T extends MessageTemplate> = T extends string
  ? ParamObject<TemplateParams<T>>
  : { [V in keyof T & string]: { variant: V } & { [K in TemplateParams<T[V] & string>]: string | number } }[keyof T & string];

/** Every parameter name, prefixed by its variant, to check that both languages agree. */
export type ParamSignature<T extends MessageTemplate> = T extends string
  ? TemplateParams<T>
  : { [V in keyof T & string]: `${V}:${TemplateParams<T[V] & string> | ''}` }[keyof T & string];
