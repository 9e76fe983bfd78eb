// A free-text answer: kept as written; replacement characters (mojibake) are reported but do not touch the question.
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell } from './answer-handler.ts';

export const readTextAnswer: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    data.texts![i] = null;
    return false;
  }
  const text = String(v);
  if (text.includes('\uFFFD')) {
    context.cellIssue(
      'industry-survey-mojibake',
      handler,
      rowNumber,
      v,
      '文字化け（置換文字 U+FFFD）があります。元のファイルの文字コードを確かめ、正しく保存し直したファイルを置いてください',
      'warning',
      false,
    );
  }
  data.role[i] = Role.Answer;
  data.texts![i] = text;
  return true;
};
