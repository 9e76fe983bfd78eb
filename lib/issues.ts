// Problems found in inputs are values, not exceptions: a source records an issue and goes on.

export type Severity = 'error' | 'warning' | 'info';

export interface IssueLocation {
  file?: string;
  sheet?: string;
  /** 1-based row as the user sees it in Excel or a text editor. */
  row?: number;
  /** Column letter (Excel) or header name. */
  column?: string;
  /** Path inside a config file, e.g. measures[3].unit. */
  path?: string;
}

export interface Issue {
  /** Stable English kebab-case code, e.g. manual-entry-not-a-number. */
  code: string;
  severity: Severity;
  /** Japanese message for the user: what is wrong and what to do. */
  message: string;
  location: IssueLocation;
  /** The raw value as found, when there is one. */
  raw?: string;
}

/** "file / sheet / 行 / 列" in the order a user looks for it. */
export function formatLocation(location: IssueLocation): string {
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.sheet) parts.push(`シート「${location.sheet}」`);
  if (location.row !== undefined) parts.push(`${location.row}行目`);
  if (location.column) parts.push(`${location.column}列`);
  if (location.path) parts.push(location.path);
  return parts.join(' ');
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity] += 1;
  return counts;
}
