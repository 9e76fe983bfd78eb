// A number question: a number (or text that reads as one) within the codebook's range, or a non-response code.
import { parseLooseNumber } from '../../../lib/parse-number.ts';
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell } from './answer-handler.ts';

export const readNumberAnswer: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  data.numbers![i] = Number.NaN;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    return false;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseLooseNumber(v) : null;
  if (n === null) {
    data.role[i] = Role.Invalid;
    context.cellIssue({ code: 'industry-survey-not-a-number' }, handler, rowNumber, v);
    return true;
  }
  const nonResponse = handler.roles.get(n);
  if (nonResponse !== undefined && nonResponse !== Role.Answer) {
    data.role[i] = nonResponse;
    return true;
  }
  const q = data.question;
  if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) {
    data.role[i] = Role.Invalid;
    context.cellIssue({ code: 'industry-survey-out-of-range', value: n, min: q.min ?? '−∞', max: q.max ?? '∞' }, handler, rowNumber, v);
    return true;
  }
  data.role[i] = Role.Answer;
  data.numbers![i] = n;
  return true;
};
