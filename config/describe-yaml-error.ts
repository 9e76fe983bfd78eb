// A YAML syntax error in the analyst's words: what is wrong on the line and how to write it instead. The yaml
// library's English text is kept beside it (its first line) as the detail to search for.
import type { YAMLError } from 'yaml';

/** The Japanese reason and hint for one error of the yaml library; the original text stays in the message as a detail. */
export function describeYamlError(e: YAMLError): string {
  const text = e.message.split('\n')[0] ?? '';
  const found = REASONS.find((r) => r.code === e.code && (r.when === undefined || r.when.test(text)));
  if (found) return typeof found.ja === 'function' ? found.ja(text) : found.ja;
  return 'YAMLの書き方に誤りがあります。その行と上の行の字下げ（半角スペース）・引用符・括弧・「:」を確かめてください';
}

const REASONS: { code: YAMLError['code']; when?: RegExp; ja: string | ((text: string) => string) }[] = [
  { code: 'TAB_AS_INDENT', ja: 'タブで字下げされています。字下げは半角スペースで書いてください（タブは使えません）' },
  {
    code: 'BAD_SCALAR_START',
    ja: (text) => {
      const char = /character (\S)/.exec(text)?.[1] ?? '%';
      return `値が「${char}」で始まっています。%・@・\` などで始まる値は引用符で囲んでください（例: unit: "${char === '@' ? '@' : '%'}"）`;
    },
  },
  {
    code: 'BAD_INDENT',
    when: /^Flow (sequence|map)/,
    ja: '[ ] や { } が閉じていません。閉じ括弧を書くか、続きの行を一段深く字下げしてください',
  },
  {
    code: 'BAD_INDENT',
    ja: '字下げがそろっていません。同じ階層のキーは、上の行と同じ数の半角スペースで字下げしてください',
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    ja: '1行に「キー: 値」が2つ以上あるか、字下げがずれています。1行に1つずつ書き、同じ階層のキーは字下げをそろえてください（値に「: 」を含めるなら引用符で囲みます）',
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    ja: 'キーが行をまたいでいます。字下げがずれているか、「:」が抜けています。その行と上の行の字下げと「:」を確かめてください',
  },
  { code: 'MISSING_CHAR', when: /quote/, ja: '引用符が閉じていません。値の終わりに同じ引用符（" か \'）を書いてください' },
  { code: 'MISSING_CHAR', ja: '必要な文字（「:」・「,」・閉じ括弧）が足りません。その行の書き方を確かめてください' },
  { code: 'DUPLICATE_KEY', ja: '同じキーが2回書かれています。同じ階層のキーは1つだけにしてください' },
  {
    code: 'UNEXPECTED_TOKEN',
    ja: '思いがけない文字があります。字下げ・引用符・括弧・「:」を確かめてください（「-」や「:」で始まる値は引用符で囲みます）',
  },
];
