// A single-choice answer: a code (number, digits as text, full-width too) or an answer label; several codes in one
// cell, or a code the codebook lacks, make the cell invalid.
import { normalizeHeader } from '../../../lib/normalize-header.ts';
import { Role } from '../../../lib/survey-answer-role.ts';
import type { ReadCell, Handler } from './answer-handler.ts';

// Outside any answer code: what textCode returns for several codes, an unknown text, or blank text.
const MULTIPLE = -1e9;
const UNKNOWN = -2e9;
const BLANK_TEXT = -3e9;

export const readSingleChoice: ReadCell = (handler, i, rowNumber, v, blank, context) => {
  const data = handler.data;
  if (blank) {
    data.role[i] = Role.NoAnswer;
    data.codes![i] = 0;
    return false;
  }
  let code = typeof v === 'number' ? v : textCode(handler, v);
  let role = code >= 0 && code < 256 && code === (code | 0) ? handler.lut[code]! - 1 : (handler.roles.get(code) ?? -1);
  if (code === BLANK_TEXT) {
    // Only spaces in the cell: the same as blank.
    role = Role.NoAnswer;
    code = 0;
  } else if (role < 0) {
    role = Role.Invalid;
    context.badCode(handler, rowNumber, v, code === MULTIPLE);
  }
  data.role[i] = role;
  data.codes![i] = role === Role.Invalid ? 0 : code;
  return code !== BLANK_TEXT;
};

/** A code written as text: digits (full-width too), an answer label, or several codes in a single-choice cell. */
function textCode(handler: Handler, v: unknown): number {
  if (typeof v !== 'string') return UNKNOWN;
  // CSV cells and label-valued columns repeat a few texts many times: each is worked out once.
  const cached = handler.textCodes.get(v);
  if (cached !== undefined) return cached;
  const code = parseTextCode(handler, v);
  if (handler.textCodes.size < 4096) handler.textCodes.set(v, code);
  return code;
}

function parseTextCode(handler: Handler, raw: string): number {
  const text = normalizeHeader(raw);
  if (text === '') return BLANK_TEXT;
  if (/^-?\d+$/.test(text)) return Number(text);
  const label = handler.labels.get(text);
  if (label !== undefined) return label;
  const parts = text.split(/\s*[;,、/・\s]\s*/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => /^-?\d+$/.test(p) || handler.labels.has(p))) return MULTIPLE;
  return UNKNOWN;
}
