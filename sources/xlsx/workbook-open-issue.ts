// The issue for a workbook that cannot be opened: the reader's own message when it knows what is wrong.
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import { XlsxReadError } from './xlsx-read-error.ts';

type UnreadableCode = 'manual-entry-unreadable' | 'kosha-unreadable' | 'pay-unreadable';

/** `code` for an unreadable file; a workbook refused for its size keeps the reader's code xlsx-too-large. */
export function workbookOpenIssue(code: UnreadableCode, file: string, error: unknown): Issue {
  if (error instanceof XlsxReadError && error.code === 'xlsx-too-large') return issueOf(error.code, { variant: 'other', reason: error.message }, { file });
  const raw = (error as Error).message;
  return error instanceof XlsxReadError
    ? issueOf(code, { variant: 'reason', reason: error.message }, { file }, raw)
    : issueOf(code, { variant: 'unknown' }, { file }, raw);
}
