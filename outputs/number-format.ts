// Numbers printed with thousands separators (en-US) by the workbook and the site. toLocaleString with a locale or
// options builds a new Intl.NumberFormat on every call, most of a workbook's layout time; one per digit range is kept.
const formats = new Map<string, Intl.NumberFormat>();

/** The formatter toLocaleString('en-US', { minimumFractionDigits, maximumFractionDigits }) would use. */
export function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits })));
  return format;
}
