// An error crossing a worker thread's boundary: postMessage keeps an Error's message and name but not its own fields (a
// system error's code, syscall, path), so it travels as plain fields and is made again on the other side.

export interface ThreadErrorFields {
  name: string;
  message: string;
  stack?: string;
  /** The error's own string and number fields (code, errno, syscall, path, dest, file …). */
  fields: Record<string, string | number>;
}

export function threadErrorFields(e: unknown): ThreadErrorFields {
  const error = e instanceof Error ? e : new Error(String(e));
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/** The error as the thread threw it: same name, message, stack and fields (an Error, whatever its class was). */
export function errorFromThread(e: ThreadErrorFields): Error {
  const error = Object.assign(new Error(e.message), e.fields);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}
