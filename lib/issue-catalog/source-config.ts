// Problems the source families' own config checks find (checkConfig of sources/*-layout.ts): a measure bound to a
// family whose config is missing or lacks what the measure names. Part of the config codes (config.ts).
import type { IssueSpec } from './issue-spec.ts';

const CONFIG_ERROR = 'error' as const;
const NOT_IN_CONFIG_WHAT_TO_DO_JA = '指標の source か、その入力の種類の設定ファイルの綴りを確かめる';
const NOT_IN_CONFIG_WHAT_TO_DO_EN = "Check the spelling in the measure's source or in the family's config file";

export const sourceConfigIssueSpecs = {
  'config-source-config-missing': {
    severity: CONFIG_ERROR,
    ja: {
      plain: '指標「{measure}」は{source}（kind: {kind}）に結び付いていますが、{file} がありません',
      kosha: '指標「{measure}」は{source}（kind: {kind}）に結び付いていますが、{file} がありません。記録の出力の列名を書いたファイルを置いてください',
    },
    en: {
      plain: 'Measure "{measure}" is bound to {source} (kind: {kind}), but there is no {file}',
      kosha: 'Measure "{measure}" is bound to {source} (kind: {kind}), but there is no {file}. Put the file that names the columns of the record exports',
    },
    whatToDoJa: 'その入力の種類の設定ファイル（config の sources/<種類>.yaml）を書く（docs/config.md）',
    whatToDoEn: "Write the family's config file (sources/<family>.yaml in the config folder; docs/config.md)",
  },
  'config-survey-measure-instrument-unknown': {
    severity: CONFIG_ERROR,
    ja: '調査票「{instrument}」は instruments にありません（あるもの: {known}）',
    en: 'Instrument "{instrument}" is not in instruments (there are: {known})',
    whatToDoJa: NOT_IN_CONFIG_WHAT_TO_DO_JA,
    whatToDoEn: NOT_IN_CONFIG_WHAT_TO_DO_EN,
  },
  'config-survey-measure-question-unknown': {
    severity: CONFIG_ERROR,
    ja: '設問「{question}」は調査票「{instrument}」のコードブック（codebooks, {fiscalYear}年度）にありません',
    en: 'Question "{question}" is not in the codebook of instrument "{instrument}" (codebooks, fiscal year {fiscalYear})',
    whatToDoJa: '指標の設問を、その年度のコードブックにある設問ID・設問文にする',
    whatToDoEn: "Name a question id or text of that year's codebook",
  },
  'config-survey-measure-answer-unknown': {
    severity: CONFIG_ERROR,
    ja: '数える回答「{answers}」は設問 {question}（{instrument}, {fiscalYear}年度）の選択肢にありません',
    en: 'Counted answers "{answers}" are not choices of question {question} ({instrument}, fiscal year {fiscalYear})',
    whatToDoJa: 'countedAnswers を設問の選択肢にある回答にする',
    whatToDoEn: "Use answers of the question's choices in countedAnswers",
  },
  'config-kosha-measure-record-type-unknown': {
    severity: CONFIG_ERROR,
    ja: '記録の種類「{recordType}」は recordTypes にありません（あるもの: {known}）',
    en: 'Record type "{recordType}" is not in recordTypes (there are: {known})',
    whatToDoJa: NOT_IN_CONFIG_WHAT_TO_DO_JA,
    whatToDoEn: NOT_IN_CONFIG_WHAT_TO_DO_EN,
  },
  'config-kosha-measure-column-unknown': {
    severity: CONFIG_ERROR,
    ja: '列のキー「{column}」は recordTypes.{recordType}.{list} にありません（あるもの: {known}）',
    en: 'Column key "{column}" is not in recordTypes.{recordType}.{list} (there are: {known})',
    whatToDoJa: NOT_IN_CONFIG_WHAT_TO_DO_JA,
    whatToDoEn: NOT_IN_CONFIG_WHAT_TO_DO_EN,
  },
  'config-kosha-measure-aggregation': {
    severity: CONFIG_ERROR,
    ja: '公社の記録は年度内の件数・合計しか作れません。指標の aggregation は flow か eventCount にしてください（いまは {aggregation}）',
    en: 'Kosha records only give counts and sums within a fiscal year. Set the aggregation of the measure to flow or eventCount (now {aggregation})',
    whatToDoJa: '指標の aggregation を flow か eventCount にする',
    whatToDoEn: 'Set the aggregation of the measure to flow or eventCount',
  },
  'config-resas-unknown-export': {
    severity: CONFIG_ERROR,
    ja: '出力の種類「{export}」は exports にありません',
    en: 'Export kind "{export}" is not in exports',
    whatToDoJa: 'resas.yaml の exports にある出力の種類にする',
    whatToDoEn: 'Use an export kind of exports in resas.yaml',
  },
  'config-resas-long-columns-missing': {
    severity: CONFIG_ERROR,
    ja: 'layout: long では year（年の列）と value（値の列）の見出しが必要です',
    en: 'layout: long needs the headers of year (the year column) and value (the value column)',
    whatToDoJa: 'columns に year と value の見出しを書く',
    whatToDoEn: 'Write the year and value headers under columns',
  },
  'config-resas-benchmark-year-unknown': {
    severity: CONFIG_ERROR,
    ja: '{year}年は benchmarkYears（{years}）にありません',
    en: '{year} is not in benchmarkYears ({years})',
    whatToDoJa: 'benchmarkYears にある年にするか、benchmarkYears に加える',
    whatToDoEn: 'Use a year of benchmarkYears, or add it there',
  },
  'config-resas-unknown-series': {
    severity: CONFIG_ERROR,
    ja: { plain: '系列「{series}」は series にありません', known: '系列「{series}」は series にありません（あるもの: {known}）' },
    en: { plain: 'Series "{series}" is not in series', known: 'Series "{series}" is not in series (there are: {known})' },
    whatToDoJa: 'resas.yaml の series にある系列にする（綴りを確かめる）',
    whatToDoEn: 'Use a series of resas.yaml (check the spelling)',
  },
  'config-resas-unit-not-money': {
    severity: CONFIG_ERROR,
    ja: 'RESAS の金額を指標の単位「{unit}」に換算できません（円・千円・百万円・億円 など）',
    en: 'RESAS amounts cannot be converted to the unit "{unit}" of the measure (use 円, 千円, 百万円, 億円 etc.)',
    whatToDoJa: '指標の単位を金額の単位にする',
    whatToDoEn: 'Give the measure a money unit',
  },
  'config-pay-campaign-order': {
    severity: CONFIG_ERROR,
    ja: 'from（{from}）が to（{to}）より後です',
    en: 'from ({from}) is after to ({to})',
    whatToDoJa: 'setagaya-pay.yaml の campaigns の from と to を確かめる',
    whatToDoEn: 'Check from and to of campaigns in setagaya-pay.yaml',
  },
  'config-pay-unknown-metric': {
    severity: CONFIG_ERROR,
    ja: 'metric「{metric}」は月次報告の項目にありません（あるもの: {known}）',
    en: 'metric "{metric}" is not a figure of the monthly report (there are: {known})',
    whatToDoJa: '指標の source の metric を月次報告の項目にする',
    whatToDoEn: "Set the measure's source metric to a figure of the report",
  },
  'config-pay-aggregation': {
    severity: CONFIG_ERROR,
    ja: '{metric}は {wanted} の量です。指標の aggregation を {wanted} にしてください（いまは {aggregation}）',
    en: '{metric} is a {wanted} quantity. Set the aggregation of the measure to {wanted} (now {aggregation})',
    whatToDoJa: '指標の aggregation を項目の性質に合わせる',
    whatToDoEn: "Match the measure's aggregation to the figure",
  },
  'config-pay-unit-not-convertible': {
    severity: CONFIG_ERROR,
    ja: '様式 {layout} の{metric}の単位 {unit} を指標の単位 {measureUnit} に換算できません',
    en: 'The unit {unit} of {metric} in layout {layout} cannot be converted to the unit {measureUnit} of the measure',
    whatToDoJa: '指標の単位か setagaya-pay.yaml の様式の単位を直す',
    whatToDoEn: 'Fix the unit of the measure or of the layout in setagaya-pay.yaml',
  },
} as const satisfies Record<string, IssueSpec>;
