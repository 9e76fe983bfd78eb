// Days since 1970-01-01 (how the survey keeps response dates) as an ISO date, for messages and published rows.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 → 2024-07-01. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
