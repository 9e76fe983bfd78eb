// One option's column of a multi-select question written as 0/1 columns: 1 (chosen), 0 or blank (not chosen), kept
// as the option's bit (each option writes only its own bit, so a reused slot needs no clearing). The
// row's tallies over the options give the question's role once the row is read (WaveIngester.push).
import { parseLooseNumber } from '../../../lib/parse-number.ts';
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell } from './answer-handler.ts';

export const readMultiOption: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const tally = handler.tally!;
  let on: boolean;
  if (blank || v === 0 || v === '0' || v === false) on = false;
  else if (v === 1 || v === '1' || v === true) on = true;
  else {
    const n = typeof v === 'string' ? parseLooseNumber(v) : null;
    if (n !== 0 && n !== 1) {
      tally.invalid += 1;
      context.cellIssue({ code: 'industry-survey-unknown-code', variant: 'option', option: handler.option }, handler, rowNumber, v);
      handler.optionChosen[i]! &= ~handler.optionMask;
      return true;
    }
    on = n === 1;
  }
  if (on) handler.optionChosen[i]! |= handler.optionMask;
  else handler.optionChosen[i]! &= ~handler.optionMask;
  if (!on) return false;
  if (handler.optionRole === Role.Answer) tally.answers += 1;
  else if (handler.optionRole === Role.NoAnswer) tally.noAnswer += 1;
  else tally.notApplicable += 1;
  return true;
};
