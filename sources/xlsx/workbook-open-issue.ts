// The issue for a workbook that cannot be opened: the reader's own message when it knows what is wrong.
import { issue, type Issue } from '../../lib/issues.ts';
import { XlsxReadError } from './xlsx-read-error.ts';

/** `code` for an unreadable file; a workbook refused for its size keeps the reader's code xlsx-too-large. */
export function workbookOpenIssue(code: string, fallbackJa: string, file: string, error: unknown): Issue {
  if (error instanceof XlsxReadError && error.code === 'xlsx-too-large')
    return issue(error.code, 'error', `${error.message}。このファイルは読み込みません`, { file });
  const message = error instanceof XlsxReadError ? `${error.message}。このファイルは読み込みません` : fallbackJa;
  return issue(code, 'error', message, { file }, (error as Error).message);
}
