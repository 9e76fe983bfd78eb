// A failed publication told the way the user can act on it: what failed, where (host:port, never the
// password), and what to do — instead of a raw Node error object.
import type { Messages } from './messages.ts';

const KNOWN = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '28P01', '28000', '3D000', '42501'] as const;
export type PublishErrorKind = (typeof KNOWN)[number] | 'other';

export function describePublishError(error: unknown, connectionString: string, t: Messages): string {
  const detail = errorText(error);
  const kind = KNOWN.find((code) => codesOf(error).includes(code) || detail.includes(code)) ?? 'other';
  return t.publishError(serverOf(connectionString), kind, detail);
}

/** host:port/database of a postgres:// URL, without user or password. */
function serverOf(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname.length > 1 ? url.pathname : ''}`;
  } catch {
    return '?';
  }
}

/** The codes of an error and of the errors inside it (a refused connection to every address of a host is an AggregateError). */
function codesOf(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const code = 'code' in error && typeof error.code === 'string' ? [error.code] : [];
  const inner = 'errors' in error && Array.isArray(error.errors) ? error.errors.flatMap(codesOf) : [];
  return [...code, ...inner];
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || codesOf(error).join(', ');
  return String(error);
}
