// docs/data-contracts.md from config/contract-rules.ts and the built-in defaults, so the rule list is the code's own.
// Written by `npm run docs`; tests/data-contracts.test.ts fails when it is out of date.
import { contractRuleKinds, contractRules, COUNT_UNITS } from '../config/contract-rules.ts';
import { defaultContractEntries } from '../config/default-contracts.ts';
import { issueCatalog, rejectsFile } from '../lib/issue-catalog.ts';
import { defaultXlsxLimits } from '../sources/xlsx/xlsx-limits.ts';

const MB = 1024 * 1024;

export function renderContractDocs(): string {
  const parts = [
    '# データ規則 / Data contracts',
    '',
    '<!-- Generated from config/contract-rules.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    '値を公表する前に、読み込んだ値とファイルが守るべき規則を検査する（dbt のデータテストの考え方）。規則に反した値は、',
    '重大度が `error` なら公表しない（`indicator_values` の `value_status` が `invalid` か `incomplete`、理由は `withheld_code` と',
    '`withheld_reason`、報告ブックには「不公表」と理由）。`warning` なら公表して `issues.csv` で知らせる。どちらでも',
    '`issues.csv` にファイル・シート・行・列・元の値・規則・対処方法が載る。黙って違う数字を出すことはない。',
    '',
    '組み込みの規則は入力の種類ごとに既定で働く。自治体に固有の規則は `config/<自治体>/contracts.yaml` に書く（書き方は',
    '[config.md](config.md#データ規則contractsyaml)）。同じ規則・同じ指標に当てはまる設定は後に書いたものが優先する。',
    '',
    '| 規則 (`rule`) | コード | 内容 | 既定 | 公表しない値の状態 | 対処方法 |',
    '|---|---|---|---|---|---|',
  ];
  for (const kind of contractRuleKinds) {
    const r = contractRules[kind];
    const params = r.paramsJa ? `（設定: ${r.paramsJa}）` : '';
    parts.push(`| \`${kind}\` | \`${r.code}\` | **${r.titleJa}**: ${r.checksJa}${params} | ${r.defaultsJa} | ${r.withheldAs} | ${r.whatToDoJa} |`);
  }
  parts.push(
    '',
    '## 組み込みの既定（contracts.yaml がなくても働く）',
    '',
    '```yaml',
    ...defaultContractEntries.map(
      (e) =>
        `- ${JSON.stringify(e)
          .replace(/"([a-zA-Z]+)":/g, '$1: ')
          .replace(/,/g, ', ')}`,
    ),
    '```',
    '',
    `件数の単位（integer の既定）: ${COUNT_UNITS.join('、')}`,
    '',
    '## 読み込めなかったファイルの値',
    '',
    'ファイルをまるごと読み込めなかったとき（開けない・0 バイト・必要な列がない・文字コードが違う・様式が分からない・読み込み中のエラーなど）、',
    'そのファイルが与えるはずだった値は「入力されていない」（`missing`）ではなく、公表しない値として載せる: `value_status` は `invalid`、',
    '`withheld_code` はファイルを拒んだ問題のコード（issues.csv の code と同じ）、`withheld_reason` は「ファイル <名前> を読み込めなかったため',
    '公表しません（コード）: 問題の文」。`action_plan_progress`・進捗表・報告ブック（「不公表」と理由）・ダッシュボードも同じ。',
    '',
    'どの値がそのファイルから来るはずだったかは次のように決める。',
    '',
    '- **指標**: ファイルの入力の種類の指標すべて（手入力ワークブックは、ほかの入力の種類が与えない指標すべて）。拒まれたファイルからは',
    '  どの行・どの記録の種類だったかが分からないため、控えめに（公表しない側に）広く取る。',
    '- **年度**: ファイル名が示す年度（`手入力_令和6年度.xlsx`・`公社_相談記録_令和6年度.csv` → 2024、`…_令和5-6年度.xlsx` → 2023 と 2024、',
    '  `…_2024年06月.xlsx`・`…_202503.xlsx` → その月の年度、`R6_…` → 2024）。ファイル名が年度を示さないとき（RESAS の出力など）は、',
    '  その実行の報告年度（計画期間内で値のあるいちばん新しい年度）。',
    '- **ほかのファイルが与える値は公表する**: 同じ指標・年度の値をほかのファイルから読めていれば、その値を使い、公表しない扱いにはしない。',
    '  設定に書いた基準値（`baseline.value`、`value_status` = `declared`）も同じく、その年度の値として公表する。',
    '  同じ値が複数のファイルで拒まれたときは、先のファイルのコードと理由を載せる。データ規則や月の欠け（`pay-missing-month`）より、',
    '  ファイルを拒んだ問題のコードを優先する（もとの原因だから）。',
    '- **産業基礎調査**は回答ファイル（調査票・年度ごと）と母集団ファイルの単位で自分で判断する: 使えないファイルに関わる公表値だけを',
    '  `invalid` にし、理由にそのファイルと問題を書く（母集団ファイルを読めなければ `industry-survey-frame-invalid`、回答ファイルを',
    '  読めなければそのファイルの最初の問題のコード、使えない回答のある設問なら `industry-survey-estimate-withheld`）。',
    '',
    `ファイルをまるごと拒む問題のコード（[issues.md](issues.md)）: ${Object.keys(issueCatalog)
      .filter(rejectsFile)
      .map((c) => `\`${c}\``)
      .join('、')}`,
    '',
    '## 「まだ始まっていない年度」「終わった年度」の基準',
    '',
    '実行した時点の日本時間の年月（`as_of`、manifest.json に記録）。実行IDにも入るので、同じ入力でも月が変われば新しい実行になり、',
    "`lei reproduce` は元の実行の `as_of` で作り直す（同じ結果になる）。テストや再計算では `runPipeline({ asOf: '2025-06' })` で与える。",
    '',
    '## 入力ファイルの大きさの上限（xlsx）',
    '',
    '圧縮爆弾・巨大なセルで処理が止まらないように、展開しながら大きさを数え、上限を超えたらすぐに読むのをやめる（コード `xlsx-too-large`）。',
    '`contracts.yaml` の `limits` で変えられる。',
    '',
    '| 設定 | 既定 | 内容 |',
    '|---|---|---|',
    `| \`xlsxPartMegabytes\` | ${defaultXlsxLimits.maxPartBytes / MB} | 1つの部品（シート・共有文字列）を展開した大きさ。ZIP に記録された大きさを超えて展開される部品も拒む |`,
    `| \`xlsxRowMegabytes\` | ${defaultXlsxLimits.maxRowChars / MB} | 1行（1つの共有文字列）の大きさ（文字数） |`,
    `| \`exceljsWorkbookMegabytes\` | ${defaultXlsxLimits.maxWorkbookBytes / MB} | ブック全体を読み込む読み手（せたがやPay 月次報告・公社の記録の .xlsx・手入力ワークブック）が受け付ける展開後の合計 |`,
    '',
    '入力の種類ごとの、ここにない検査（月次報告の途中の欠け `pay-missing-month`、累計の月ごとの減少 `pay-cumulative-decreased` など）は',
    '[sources.md](sources.md) にある。',
    '',
  );
  return parts.join('\n');
}
