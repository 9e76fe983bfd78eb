// Fault injection for the crash-consistency test: LEI_FAULT_AT=<point> kills the process there with SIGKILL,
// as a power cut or `kill -9` would. Unset (always, outside that test) it does nothing.
export type FaultPoint =
  | 'after-archive'
  | 'after-staging-write'
  | 'after-switch'
  | 'mid-folder-replace'
  | 'after-store-stage'
  | 'before-store-commit'
  | 'after-store-commit'
  | 'mid-postgres-publish'
  | 'after-postgres-commit'
  | 'before-ledger';

export function faultPoint(point: FaultPoint): void {
  if (process.env.LEI_FAULT_AT === point) process.kill(process.pid, 'SIGKILL');
}
