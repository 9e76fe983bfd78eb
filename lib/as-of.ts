// The moment a run judges "not started yet" and "already closed" against: its month in Japan. It enters the run id,
// so a run is reproducible (lei reproduce passes the original month) and a new month is a new run.

export interface AsOf {
  fiscalYear: number;
  /** YYYY-MM in Japan. */
  yearMonth: string;
}

const JST_OFFSET_MS = 9 * 3600 * 1000;

/** Japan has no daylight saving time: its calendar month is the UTC month nine hours later. */
export function asOfDate(date: Date): AsOf {
  return asOfMonth(new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 7));
}

export function asOfMonth(yearMonth: string): AsOf {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return { fiscalYear: month >= 4 ? year : year - 1, yearMonth };
}
