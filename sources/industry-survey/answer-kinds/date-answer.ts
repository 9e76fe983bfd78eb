// A date question: an Excel serial or a written date (2024/7/1, 令和6年7月1日 …) as the ward's calendar day.
import { Role } from '../../../lib/survey-answer-role.ts';
import { parseResponseDay } from '../parse-response-day.ts';
import { NO_DAY, type ReadCell } from './answer-handler.ts';

export const readDateAnswer: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    data.days![i] = NO_DAY;
    return false;
  }
  const day = parseResponseDay(v, context.date1904);
  if (day === null) {
    data.role[i] = Role.Invalid;
    data.days![i] = NO_DAY;
    context.cellIssue({ code: 'industry-survey-bad-date' }, handler, rowNumber, v);
    return true;
  }
  data.role[i] = Role.Answer;
  data.days![i] = day;
  return true;
};
