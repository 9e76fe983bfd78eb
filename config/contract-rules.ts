// The data contracts a run checks before any value is published (the dbt-tests idea): one catalog of rules with
// a stable code, a default severity, what it checks and to what, in Japanese; the title and what to do come from the
// code's entry in the issue catalog. docs/data-contracts.md is generated from it (scripts/generate-dataset-docs.ts)
// and kept in step by a test.
import type { ContractIssueCode } from '../lib/issue-catalog.ts';
import { contractWordings } from '../lib/issue-catalog/contracts.ts';

export const contractRuleKinds = [
  'non-negative',
  'integer',
  'range',
  'monotone',
  'future-year',
  'file-period',
  'months-complete',
  'record-coverage',
  'allowed-categories',
  'volume-change',
  'survey-instrument-rows',
  'survey-instruments-complete',
] as const;
export type ContractRuleKind = (typeof contractRuleKinds)[number];

export interface ContractRuleSpec {
  /** Stable issue code (lib/issue-catalog/contracts.ts). */
  code: ContractIssueCode;
  titleJa: string;
  /** What is checked, for the docs. */
  checksJa: string;
  /** To which values it applies when config says nothing. */
  defaultsJa: string;
  /** What the user does when it fires. */
  whatToDoJa: string;
  /** How a withheld value is marked in indicator_values.value_status. */
  withheldAs: 'invalid' | 'incomplete';
  /** Parameters a contracts.yaml entry may give. */
  paramsJa?: string;
}

/** A rule's title and what to do are its issue's wording, declared once in the issue catalog. */
function withWording<C extends ContractIssueCode>(rule: Omit<ContractRuleSpec, 'titleJa' | 'whatToDoJa'> & { code: C }): ContractRuleSpec & { code: C } {
  const { titleJa, whatToDoJa } = contractWordings[rule.code];
  return { ...rule, titleJa, whatToDoJa };
}

export const contractRules = {
  'non-negative': withWording({
    code: 'contract-negative',
    checksJa: '件数・金額・割合などが 0 以上であること。手入力の「△5」「-3」、月次報告の負の決済回数を見つける',
    defaultsJa: 'すべての指標（error）',
    withheldAs: 'invalid',
  }),
  integer: withWording({
    code: 'contract-not-integer',
    checksJa: '件・人・回・社などを単位とする数が整数であること',
    defaultsJa: '単位が件・人・回・社・店舗・団体・事業者などの指標（error）',
    withheldAs: 'invalid',
  }),
  range: withWording({
    code: 'contract-out-of-range',
    checksJa: '値が min 以上 max 以下であること',
    defaultsJa: '単位が % の指標は 0〜100（error）',
    withheldAs: 'invalid',
    paramsJa: 'min、max',
  }),
  monotone: withWording({
    code: 'contract-cumulative-decreased',
    checksJa: '累計の指標（累計支払経験者数など）が前年度より減っていないこと',
    defaultsJa: 'なし（contracts.yaml で累計の指標を measures に挙げる）',
    withheldAs: 'invalid',
  }),
  'future-year': withWording({
    code: 'contract-future-fiscal-year',
    checksJa: '実績の年度が、実行した時点（日本時間）の年度より後でないこと',
    defaultsJa: 'すべての指標（error）',
    withheldAs: 'invalid',
  }),
  'file-period': withWording({
    code: 'contract-file-period-mismatch',
    checksJa: 'ファイル名（手入力_令和6年度.xlsx）の年度と、各行の年度が同じであること。令和6年度のブックに令和7年度の行があれば、その行は使わない',
    defaultsJa: '手入力ワークブック（error）',
    withheldAs: 'invalid',
  }),
  'months-complete': withWording({
    code: 'contract-months-missing',
    checksJa: '終わった年度（3月末を過ぎた年度）の月次報告が4月〜3月の12か月そろっていること（年度の途中の欠けは pay-missing-month）',
    defaultsJa: 'せたがやPay 月次報告（error）',
    withheldAs: 'incomplete',
  }),
  'record-coverage': withWording({
    code: 'contract-records-incomplete',
    checksJa:
      '公社の記録の出力の抽出期間（見出しの上に書かれた期間、実行時点までの月）の始めか終わりに、記録が1件もない月が3か月以上続かないこと。行の区切りで途中まで切れた出力を見つける',
    defaultsJa: '産業振興公社の記録（error）',
    withheldAs: 'incomplete',
  }),
  'allowed-categories': withWording({
    code: 'contract-unknown-category',
    checksJa: '記録の区分（相談区分など）が contracts.yaml に挙げた値のどれかであること。知らない区分の記録を黙って数えから落とさない',
    defaultsJa: 'なし（contracts.yaml で記録の種類・列ごとに values を挙げる）',
    withheldAs: 'invalid',
    paramsJa: 'recordType、column、values',
  }),
  'volume-change': withWording({
    code: 'contract-volume-change',
    checksJa: '値が前年度から maxChangePercent % を超えて増減していないこと',
    defaultsJa: 'なし（どれだけの増減が疑わしいかは指標ごとに違うため、contracts.yaml で指標と maxChangePercent を挙げる）',
    withheldAs: 'invalid',
    paramsJa: 'maxChangePercent',
  }),
  'survey-instrument-rows': withWording({
    code: 'contract-survey-instrument-empty',
    checksJa: '調査票の回答ファイルに見出し行のほかに回答の行があること（見出しだけのファイルは「回答0件」ではなく欠けたデータ）',
    defaultsJa: '産業基礎調査（error）',
    withheldAs: 'incomplete',
  }),
  'survey-instruments-complete': withWording({
    code: 'contract-survey-instrument-missing',
    checksJa: 'ほかの年度にある調査票が、その年度にもそろっていること（片方の調査票だけで割合を計算しない）',
    defaultsJa: '産業基礎調査（error）',
    withheldAs: 'incomplete',
  }),
} satisfies Record<ContractRuleKind, ContractRuleSpec>;

/** Units whose values are counts of things (integers), for the integer rule's default. */
export const COUNT_UNITS: readonly string[] = [
  '件',
  '人',
  '回',
  '社',
  '店',
  '店舗',
  '団体',
  '事業者',
  '事業所',
  '事業',
  '者',
  '名',
  '会員',
  '区画',
  '台',
  '園',
  '校',
  '箇所',
  '部',
  '商店街',
  'アカウント',
  'アクセス',
];
