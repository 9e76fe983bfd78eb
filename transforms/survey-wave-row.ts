// One survey_waves row per wave version read: its status, counts of rows and issues, and its response dates.
import type { SurveyWaveRow } from '../lib/datasets/survey-tables.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { formatDay } from '../lib/format-day.ts';
import { countBySeverity } from '../lib/issues.ts';
import type { WaveVersion } from '../sources/industry-survey/read-industry-survey.ts';

export function surveyWaveRow(w: WaveVersion): Omit<SurveyWaveRow, 'run_id'> {
  const data = w.read?.data;
  const counts = countBySeverity(w.read?.issues ?? []);
  const first = data?.responseDays?.first ?? null;
  const last = data?.responseDays?.last ?? null;
  return {
    fiscal_year: w.fiscalYear,
    fiscal_year_label: formatFiscalYear(w.fiscalYear),
    instrument: w.instrument.id,
    instrument_name_ja: w.instrument.nameJa,
    file: w.input.name,
    version: w.version,
    sha256: w.input.sha256,
    format: w.read?.format === 'csv' ? `csv-${w.read.encoding ?? 'unknown'}` : 'xlsx',
    codebook: w.read?.codebook?.sourceJa ?? null,
    status: w.status ?? 'unreadable',
    data_rows: data?.stats.dataRows ?? null,
    respondents: data?.count ?? null,
    empty_rows: data?.stats.emptyRows ?? null,
    duplicate_rows: data?.stats.duplicateRows ?? null,
    errors: counts.error,
    warnings: counts.warning,
    weighted: data !== undefined && data.hasWeights && data.badWeights === 0,
    first_response_date: first === null ? null : formatDay(first),
    last_response_date: last === null ? null : formatDay(last),
  };
}
