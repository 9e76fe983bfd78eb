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
    // Free text is never estimated: the warning does not touch the question.
    context.cellIssue({ code: 'industry-survey-mojibake' }, handler, rowNumber, v, false);
  }
  data.role[i] = Role.Answer;
  data.texts![i] = kept(handler.keptTexts, text);
  return true;
};

// Past this many distinct texts a column is free writing, not a few stock answers: texts are kept as they come.
const MAX_INTERNED = 65536;

/** The same text kept before, so that a comment repeated by many respondents is one string. */
function kept(interned: Map<string, string>, text: string): string {
  const earlier = interned.get(text);
  if (earlier !== undefined) return earlier;
  if (interned.size < MAX_INTERNED) interned.set(text, text);
  return text;
}
