// A PostgreSQL connection string may carry a password: it is never written to a log, the ledger, a manifest
// or an error message as given. Passwords belong in PGPASSWORD or ~/.pgpass (read by pg itself).

/** The connection string with any password replaced by ***. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/(\/\/[^/:@\s]*:)[^@/\s]*@/g, '$1***@').replace(/(password=)[^&\s]*/gi, '$1***');
}

/** Text (an error message) with the connection string and its password, wherever they appear, redacted. */
export function redactSecrets(text: string, connectionString: string): string {
  let out = text.split(connectionString).join(redactConnectionString(connectionString));
  for (const secret of passwordForms(connectionString)) out = out.split(secret).join('***');
  return out;
}

/** The password as written and as decoded (either may be quoted by a library). */
function passwordForms(connectionString: string): string[] {
  const raw = /\/\/[^/:@]*:([^@/]*)@/.exec(connectionString)?.[1] || /password=([^&\s]*)/i.exec(connectionString)?.[1];
  if (!raw) return [];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: the raw form is the password
  }
  return [...new Set([raw, decoded])];
}
