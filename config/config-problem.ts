// A problem in a config file, with its catalog code (lib/issue-catalog/config.ts): file, line, path inside it, message.
import { issueMessageJa, type ConfigProblemCode, type IssueParams } from '../lib/issue-catalog.ts';

export interface ConfigProblem {
  /** Catalog code (lib/issue-catalog/config.ts and the files it gathers). */
  code: ConfigProblemCode;
  file: string;
  /** 1-based line in the file, when the place is known. */
  line?: number;
  /** Path inside the file, e.g. measures[3].unit. */
  path: string;
  message: string;
}

export function configProblem<C extends ConfigProblemCode>(
  code: C,
  params: IssueParams<C>,
  where: { file: string; path: string; line?: number },
): ConfigProblem {
  return { code, file: where.file, ...(where.line === undefined ? {} : { line: where.line }), path: where.path, message: issueMessageJa(code, params) };
}

/** For a zod refinement (`ctx.addIssue`): the catalog's message, and its code for describeZodIssue to carry over. */
export function configRefinement<C extends ConfigProblemCode>(code: C, params: IssueParams<C>): { message: string; params: { configCode: C } } {
  return { message: issueMessageJa(code, params), params: { configCode: code } };
}
