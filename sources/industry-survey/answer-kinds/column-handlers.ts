// The answer columns of one respondent file: per question of the column plan, its typed storage (one slot per
// respondent) and the handler of each of its columns, which the kind's cell reader (this folder) fills.
import { normalizeHeader } from '../../../lib/normalize-header.ts';
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ColumnPlan } from '../map-wave-columns.ts';
import { TextAnswers } from '../text-answers.ts';
import type { QuestionData } from '../wave-data.ts';
import { Handler, Kind, NO_CHOSEN, type MultiTally } from './answer-handler.ts';

export function columnHandlers(plan: ColumnPlan, capacity: number): { data: Map<string, QuestionData>; handlers: Handler[]; tallies: MultiTally[] } {
  const data = new Map<string, QuestionData>();
  const handlers: Handler[] = [];
  const tallies: MultiTally[] = [];
  for (const qc of plan.questions) {
    const q = qc.question;
    const stored: QuestionData = { question: q, role: new Int8Array(capacity) };
    data.set(q.id, stored);
    const roles = new Map<number, number>();
    for (const a of q.answers) roles.set(a.code, Role.Answer);
    for (const n of q.nonResponse) roles.set(n.code, n.kind === 'noAnswer' ? Role.NoAnswer : Role.NotApplicable);
    const lut = new Int8Array(256);
    for (const [code, role] of roles) if (code >= 0 && code < 256) lut[code] = role + 1;
    const labels = new Map<string, number>();
    for (const a of [...q.answers, ...q.nonResponse]) labels.set(normalizeHeader(a.labelJa), a.code);
    const make = (kind: number, at: number, option = 0, optionRole = 0) => new Handler(kind, at, stored, lut, roles, labels, option, optionRole);
    if (q.type === 'single') {
      stored.codes = [...roles.keys()].every((code) => code >= 0 && code < 256 && code === Math.floor(code))
        ? new Uint8Array(capacity)
        : new Int32Array(capacity);
      const h = make(Kind.Single, qc.column!);
      h.codes = stored.codes;
      handlers.push(h);
    } else if (q.type === 'multi') {
      // Eight options to a byte: a 1M-respondent wave's multi-select questions in an eighth of the memory.
      const bitOf = new Map(q.answers.map((a, k) => [a.code, { word: k >> 3, mask: 1 << (k & 7) }]));
      stored.chosen = { words: Array.from({ length: Math.ceil(q.answers.length / 8) }, () => new Uint8Array(capacity)), bitOf };
      if (qc.column !== undefined) handlers.push(make(Kind.MultiCell, qc.column));
      else {
        const tally = { data: stored, answers: 0, noAnswer: 0, notApplicable: 0, invalid: 0 };
        tallies.push(tally);
        for (const [option, at] of qc.options ?? []) {
          const h = make(Kind.MultiOption, at, option, roles.get(option)!);
          const bit = bitOf.get(option);
          h.optionChosen = bit ? stored.chosen.words[bit.word]! : NO_CHOSEN;
          h.optionMask = bit ? bit.mask : 0;
          h.tally = tally;
          handlers.push(h);
        }
      }
    } else if (q.type === 'number') {
      stored.numbers = new Float64Array(capacity);
      handlers.push(make(Kind.Number, qc.column!));
    } else if (q.type === 'date') {
      stored.days = new Int32Array(capacity);
      handlers.push(make(Kind.Date, qc.column!));
    } else {
      stored.texts = new TextAnswers(capacity);
      handlers.push(make(Kind.Text, qc.column!));
    }
  }
  return { data, handlers, tallies };
}
