// Problems in sources/industry-survey.yaml that its schema's refinements find (sources/industry-survey/industry-survey-config.ts);
// part of the config codes (config.ts), kept apart so each family's config checks have their own file.
import type { IssueSpec } from './issue-spec.ts';

const CONFIG_ERROR = 'error' as const;
const DIMENSIONS_WHAT_TO_DO_JA = 'breakdowns.dimensions にある内訳の id にする（綴りを確かめる）';
const DIMENSIONS_WHAT_TO_DO_EN = 'Use the id of a dimension under breakdowns.dimensions (check the spelling)';

export const industrySurveyConfigIssueSpecs = {
  'config-survey-pattern-invalid': {
    severity: CONFIG_ERROR,
    ja: '正規表現として読めません: {reason}',
    en: 'Not a valid regular expression: {reason}',
    whatToDoJa: 'files の名前のパターンを正規表現として直す（括弧・エスケープを確かめる）',
    whatToDoEn: 'Correct the file name pattern under files as a regular expression (check brackets and escapes)',
  },
  'config-survey-pattern-group-missing': {
    severity: CONFIG_ERROR,
    ja: '名前付きグループ (?<{group}>…) が必要です',
    en: 'The named group (?<{group}>…) is required',
    whatToDoJa: 'パターンに名前付きグループ（(?<year>…)、(?<instrument>…)）を入れる',
    whatToDoEn: 'Add the named groups ((?<year>…), (?<instrument>…)) to the pattern',
  },
  'config-survey-unknown-dimension': {
    severity: CONFIG_ERROR,
    ja: '内訳「{dimension}」は breakdowns.dimensions にありません',
    en: 'Dimension "{dimension}" is not in breakdowns.dimensions',
    whatToDoJa: DIMENSIONS_WHAT_TO_DO_JA,
    whatToDoEn: DIMENSIONS_WHAT_TO_DO_EN,
  },
  'config-survey-unknown-group': {
    severity: CONFIG_ERROR,
    ja: 'グループ「{group}」は内訳「{dimension}」の groups にありません',
    en: 'Group "{group}" is not in the groups of dimension "{dimension}"',
    whatToDoJa: 'その内訳の groups にあるグループの code にする',
    whatToDoEn: 'Use the code of a group listed under that dimension',
  },
  'config-survey-unknown-stratum-dimension': {
    severity: CONFIG_ERROR,
    ja: '層の軸「{dimension}」は breakdowns.dimensions にありません',
    en: 'Strata dimension "{dimension}" is not in breakdowns.dimensions',
    whatToDoJa: DIMENSIONS_WHAT_TO_DO_JA,
    whatToDoEn: DIMENSIONS_WHAT_TO_DO_EN,
  },
  'config-survey-stratum-question-missing': {
    severity: CONFIG_ERROR,
    ja: '調査票「{instrument}」の breakdowns に層の軸「{dimension}」の設問がありません',
    en: 'The breakdowns of instrument "{instrument}" have no question for strata dimension "{dimension}"',
    whatToDoJa: 'その調査票の breakdowns に層の軸の設問を書く',
    whatToDoEn: 'Name the question of the strata dimension in that instrument’s breakdowns',
  },
  'config-survey-frame-pattern-missing': {
    severity: CONFIG_ERROR,
    ja: '標本設計（design）には母集団ファイルの名前 files.framePattern が必要です',
    en: 'A sampling design (design) needs the frame file’s name pattern files.framePattern',
    whatToDoJa: 'files.framePattern を書く',
    whatToDoEn: 'Write files.framePattern',
  },
  'config-survey-weight-column-missing': {
    severity: CONFIG_ERROR,
    ja: 'weights: file にはすべての調査票にウェイトの列（instruments[].weight）が必要です',
    en: 'weights: file needs a weight column (instruments[].weight) in every instrument',
    whatToDoJa: 'すべての調査票に weight を書くか、design.weights を変える',
    whatToDoEn: 'Write weight for every instrument, or change design.weights',
  },
  'config-survey-calibration-without-design': {
    severity: CONFIG_ERROR,
    ja: '較正（calibration）には標本設計（design）が必要です',
    en: 'Calibration needs a sampling design (design)',
    whatToDoJa: 'design を書くか、calibration を消す',
    whatToDoEn: 'Write design, or remove calibration',
  },
  'config-survey-margin-question-missing': {
    severity: CONFIG_ERROR,
    ja: 'すべての調査票の breakdowns に「{dimension}」の設問が必要です',
    en: 'Every instrument’s breakdowns need a question for "{dimension}"',
    whatToDoJa: 'すべての調査票の breakdowns にその内訳の設問を書く',
    whatToDoEn: 'Name the dimension’s question in every instrument’s breakdowns',
  },
  'config-survey-unknown-instrument': {
    severity: CONFIG_ERROR,
    ja: '調査票「{instrument}」は instruments にありません',
    en: 'Instrument "{instrument}" is not in instruments',
    whatToDoJa: 'instruments にある調査票の id にする',
    whatToDoEn: 'Use the id of an instrument under instruments',
  },
  'config-survey-question-without-answers': {
    severity: CONFIG_ERROR,
    ja: '選択式の設問には answers か answerSet が必要です',
    en: 'A choice question needs answers or answerSet',
    whatToDoJa: 'answers を書くか、answerSets の名前を answerSet に書く',
    whatToDoEn: 'Write answers, or name one of answerSets as answerSet',
  },
  'config-survey-unknown-answer-set': {
    severity: CONFIG_ERROR,
    ja: 'answerSets に「{answerSet}」がありません',
    en: 'answerSets has no "{answerSet}"',
    whatToDoJa: 'answerSets にある名前にするか、answerSets に加える',
    whatToDoEn: 'Use a name under answerSets, or add it there',
  },
} as const satisfies Record<string, IssueSpec>;
