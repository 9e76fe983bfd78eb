// Scaled units as sources print them (百万円, 千円, 千件 …) converted exactly to a measure's unit: the factors
// are powers of ten, so the conversion is done on decimals and 4,494,612 百万円 is exactly 44,946.12 億円.
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 60 });

const UNITS: Record<string, { family: string; power: number }> = {
  円: { family: 'yen', power: 0 },
  千円: { family: 'yen', power: 3 },
  万円: { family: 'yen', power: 4 },
  百万円: { family: 'yen', power: 6 },
  億円: { family: 'yen', power: 8 },
  兆円: { family: 'yen', power: 12 },
  件: { family: 'cases', power: 0 },
  千件: { family: 'cases', power: 3 },
  万件: { family: 'cases', power: 4 },
  回: { family: 'times', power: 0 },
  人: { family: 'people', power: 0 },
  千人: { family: 'people', power: 3 },
  店: { family: 'stores', power: 0 },
  店舗: { family: 'stores', power: 0 },
  '%': { family: 'percent', power: 0 },
};

function lookup(unit: string): { family: string; power: number } | undefined {
  return UNITS[unit.normalize('NFKC').trim()];
}

/** Whether a value in `from` can be expressed in `to` (same kind of quantity, known scale). */
export function unitsConvertible(from: string, to: string): boolean {
  const a = lookup(from);
  const b = lookup(to);
  return a !== undefined && b !== undefined && a.family === b.family;
}

/** `value` in `from` expressed in `to`, exactly; null when the units are unknown or of different kinds. */
export function convertUnit(value: number | string, from: string, to: string): number | null {
  const a = lookup(from);
  const b = lookup(to);
  if (!a || !b || a.family !== b.family) return null;
  const result = new Exact(typeof value === 'number' ? String(value) : value).times(new Exact(10).pow(a.power - b.power)).toNumber();
  return result === 0 ? 0 : result;
}

/** The unit names convertUnit knows, for messages. */
export const knownUnits: readonly string[] = Object.keys(UNITS);
