// Finding an element by its start tag without matching longer names (<row> but not <rowBreaks>).

/** Start of the next `<name` element (not `<nameLonger`) in [from, end), or -1. */
export function nextTag(xml: string, open: string, from: number, end: number): number {
  let i = xml.indexOf(open, from);
  while (i !== -1 && i < end) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 62 || c === 47 || c <= 32) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}
