// Wordings several families share (kept as literal types, so the templates built from them keep their parameters).

/** A family's files arrived without its layout config (lib/missing-source-config.ts). */
export const NO_CONFIG_JA = '{what}の読み方（config の sources/{family}.yaml）がありません。設定を追加してから再実行してください';
export const NO_CONFIG_EN = 'There is no layout config for {what} (sources/{family}.yaml in the config). Add it and run again';

/** A text file in neither UTF-8 nor CP932 (lib/decode-text.ts). */
export const UNDECODABLE_JA =
  '{line}行目付近に、それより前の行と違う文字コードの行か、UTF-8 としても CP932（Shift_JIS）としても読めないバイト列があります（文字コードの違う出力をつないだファイルか、ファイルの破損）。元のファイルをもう一度ダウンロード・出力して置き直してください';
export const UNDECODABLE_EN =
  'Around line {line} there is a line in another encoding than the lines before it, or bytes that are neither UTF-8 nor CP932 (Shift_JIS): outputs in different encodings joined, or a damaged file. Download or export the original again and put it back';

/** A text file in an encoding the family's config does not accept (lib/decode-text.ts). */
export const ENCODING_NOT_ACCEPTED_JA = 'このファイルは {found}で保存されていますが、設定で受け付ける文字コードは {accepted} です';
export const ENCODING_NOT_ACCEPTED_EN = 'This file is saved in {found}, but the config accepts {accepted}';
export const RESAVE_IN_ACCEPTED_JA = '受け付ける文字コードで保存し直すか、設定の encodings を確認してください';
export const RESAVE_IN_ACCEPTED_EN = 'Save it in an accepted encoding or check encodings in the config';

/** A CSV file whose last record stops part-way (lib/scan-csv.ts csvCutShort): a download or export that was cut off. */
export const CUT_SHORT_JA =
  'ファイルが途中で切れています: 最後の {line}行目は項目が {fields} 個しかなく（見出しは {headerFields} 個）、改行で終わっていません（「{raw}」）。ダウンロードや出力が途中で止まったファイルです。元のファイルをもう一度ダウンロード（出力）して置き直してください';
export const CUT_SHORT_EN =
  'The file is cut off: its last line {line} has only {fields} fields (the header has {headerFields}) and no line break at the end ("{raw}"). The download or export stopped part-way. Download (export) the original again and put it back';
/** The same, cut inside a multi-byte character (lib/cut-character.ts). */
export const CUT_INSIDE_CHARACTER_JA =
  'ファイルが途中で切れています: 最後の {line}行目が文字の途中で終わっていて、改行もありません（「{raw}」、項目 {fields} 個・見出し {headerFields} 個）。ダウンロードや出力が途中で止まったファイルです。元のファイルをもう一度ダウンロード（出力）して置き直してください';
export const CUT_INSIDE_CHARACTER_EN =
  'The file is cut off: its last line {line} stops inside a character, with no line break ("{raw}"; {fields} fields, the header has {headerFields}). The download or export stopped part-way. Download (export) the original again and put it back';
