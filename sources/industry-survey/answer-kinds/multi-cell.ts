// A multi-select answer written in one cell: codes or labels joined by the configured separator (1;3;5).
import { normalizeHeader } from '../../../lib/normalize-header.ts';
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell } from './answer-handler.ts';

export const readMultiCell: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    return false;
  }
  for (const arr of data.chosen!.words) arr[i] = 0;
  const text = typeof v === 'number' ? String(v) : normalizeHeader(v);
  if (text === '') {
    data.role[i] = Role.NoAnswer;
    return false;
  }
  const parts = text
    .split(context.separator)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let answers = 0;
  let noAnswer = 0;
  let notApplicable = 0;
  for (const part of parts) {
    const code = /^-?\d+$/.test(part) ? Number(part) : (handler.labels.get(part) ?? Number.NaN);
    const role = handler.roles.get(code);
    if (role === undefined) {
      data.role[i] = Role.Invalid;
      for (const arr of data.chosen!.words) arr[i] = 0;
      context.badCode(handler, rowNumber, v, false, part);
      return true;
    }
    if (role === Role.Answer) {
      const bit = data.chosen!.bitOf.get(code)!;
      data.chosen!.words[bit.word]![i]! |= bit.mask;
      answers += 1;
    } else if (role === Role.NoAnswer) noAnswer += 1;
    else notApplicable += 1;
  }
  if (answers > 0 && noAnswer + notApplicable > 0) {
    data.role[i] = Role.Invalid;
    context.cellIssue({ code: 'industry-survey-contradictory-answer', variant: 'cell' }, handler, rowNumber, v);
  } else data.role[i] = answers > 0 ? Role.Answer : notApplicable > 0 ? Role.NotApplicable : Role.NoAnswer;
  return true;
};
