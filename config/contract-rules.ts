// The data contracts a run checks before any value is published (the dbt-tests idea): one catalog of rules with
// a stable code, a default severity, what it means and what to do, in Japanese. docs/data-contracts.md is generated
// from it (scripts/generate-dataset-docs.ts) and kept in step by a test.

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
  /** Stable issue code. */
  code: string;
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

export const contractRules: Record<ContractRuleKind, ContractRuleSpec> = {
  'non-negative': {
    code: 'contract-negative',
    titleJa: '負の値',
    checksJa: '件数・金額・割合などが 0 以上であること。手入力の「△5」「-3」、月次報告の負の決済回数を見つける',
    defaultsJa: 'すべての指標（error）',
    whatToDoJa: '元の資料で値を確かめ、正しい値（0 以上）に直してください。本当に負になる指標なら contracts.yaml でこの規則を off にしてください',
    withheldAs: 'invalid',
  },
  integer: {
    code: 'contract-not-integer',
    titleJa: '整数でない件数',
    checksJa: '件・人・回・社などを単位とする数が整数であること',
    defaultsJa: '単位が件・人・回・社・店舗・団体・事業者などの指標（error）',
    whatToDoJa: '件数は整数で入力してください（小数点や単位の打ち間違いがないか確かめてください）',
    withheldAs: 'invalid',
  },
  range: {
    code: 'contract-out-of-range',
    titleJa: '範囲外の値',
    checksJa: '値が min 以上 max 以下であること',
    defaultsJa: '単位が % の指標は 0〜100（error）',
    whatToDoJa: '元の資料で値と単位を確かめて直してください。範囲の設定が誤っていれば contracts.yaml の min・max を直してください',
    withheldAs: 'invalid',
    paramsJa: 'min、max',
  },
  monotone: {
    code: 'contract-cumulative-decreased',
    titleJa: '累計の減少',
    checksJa: '累計の指標（累計支払経験者数など）が前年度より減っていないこと',
    defaultsJa: 'なし（contracts.yaml で累計の指標を measures に挙げる）',
    whatToDoJa: '累計は減らないはずです。どちらかの年度の値の誤りです。元の資料を確かめてください',
    withheldAs: 'invalid',
  },
  'future-year': {
    code: 'contract-future-fiscal-year',
    titleJa: 'まだ始まっていない年度の実績',
    checksJa: '実績の年度が、実行した時点（日本時間）の年度より後でないこと',
    defaultsJa: 'すべての指標（error）',
    whatToDoJa: '年度の列が正しいか確かめてください（目標値を実績の欄に入力していないか）。その年度が始まってから入力してください',
    withheldAs: 'invalid',
  },
  'file-period': {
    code: 'contract-file-period-mismatch',
    titleJa: 'ファイルの年度と行の年度の食い違い',
    checksJa: 'ファイル名（手入力_令和6年度.xlsx）の年度と、各行の年度が同じであること。令和6年度のブックに令和7年度の行があれば、その行は使わない',
    defaultsJa: '手入力ワークブック（error）',
    whatToDoJa: 'その年度のブック（lei template --year で作る）に入力するか、行の年度を直してください',
    withheldAs: 'invalid',
  },
  'months-complete': {
    code: 'contract-months-missing',
    titleJa: '締まった年度の月次報告の欠け',
    checksJa: '終わった年度（3月末を過ぎた年度）の月次報告が4月〜3月の12か月そろっていること（年度の途中の欠けは pay-missing-month）',
    defaultsJa: 'せたがやPay 月次報告（error）',
    whatToDoJa: '欠けている月の報告を事業者から取り寄せて受信箱に置いてください',
    withheldAs: 'incomplete',
  },
  'record-coverage': {
    code: 'contract-records-incomplete',
    titleJa: '抽出期間を覆わない記録の出力',
    checksJa:
      '公社の記録の出力の抽出期間（見出しの上に書かれた期間、実行時点までの月）の始めか終わりに、記録が1件もない月が3か月以上続かないこと。行の区切りで途中まで切れた出力を見つける',
    defaultsJa: '産業振興公社の記録（error）',
    whatToDoJa: '出力が途中で切れていないか確かめ、抽出期間の全体を出力し直して置き直してください',
    withheldAs: 'incomplete',
  },
  'allowed-categories': {
    code: 'contract-unknown-category',
    titleJa: '決められていない区分',
    checksJa: '記録の区分（相談区分など）が contracts.yaml に挙げた値のどれかであること。知らない区分の記録を黙って数えから落とさない',
    defaultsJa: 'なし（contracts.yaml で記録の種類・列ごとに values を挙げる）',
    whatToDoJa: '区分の打ち間違いなら元の記録を直してください。新しい区分なら contracts.yaml の values に加え、数える指標の filter も見直してください',
    withheldAs: 'invalid',
    paramsJa: 'recordType、column、values',
  },
  'volume-change': {
    code: 'contract-volume-change',
    titleJa: '前年度からの大きな増減',
    checksJa: '値が前年度から maxChangePercent % を超えて増減していないこと',
    defaultsJa: 'なし（どれだけの増減が疑わしいかは指標ごとに違うため、contracts.yaml で指標と maxChangePercent を挙げる）',
    whatToDoJa: '元のデータが欠けていないか・重複していないか確かめてください。実際の変化なら対応は不要です',
    withheldAs: 'invalid',
    paramsJa: 'maxChangePercent',
  },
  'survey-instrument-rows': {
    code: 'contract-survey-instrument-empty',
    titleJa: '回答のない調査票ファイル',
    checksJa: '調査票の回答ファイルに見出し行のほかに回答の行があること（見出しだけのファイルは「回答0件」ではなく欠けたデータ）',
    defaultsJa: '産業基礎調査（error）',
    whatToDoJa: '調査会社に回答データの入ったファイルを送り直してもらい、置き直してください',
    withheldAs: 'incomplete',
  },
  'survey-instruments-complete': {
    code: 'contract-survey-instrument-missing',
    titleJa: '調査票のそろわない年度',
    checksJa: 'ほかの年度にある調査票が、その年度にもそろっていること（片方の調査票だけで割合を計算しない）',
    defaultsJa: '産業基礎調査（error）',
    whatToDoJa: '欠けている調査票の回答ファイルを受信箱に置いてください',
    withheldAs: 'incomplete',
  },
};

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
