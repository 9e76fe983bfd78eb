// A free-text answer: kept as written; replacement characters (mojibake) are reported but do not touch the question.
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell } from './answer-handler.ts';

export const readTextAnswer: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    data.texts!.set(i, null);
    return false;
  }
  const text = String(v);
  if (text.includes('\uFFFD')) {
    // Free text is never estimated: the warning does not touch the question.
    context.cellIssue({ code: 'industry-survey-mojibake' }, handler, rowNumber, v, false);
  }
  data.role[i] = Role.Answer;
  data.texts!.set(i, text);
  return true;
};
