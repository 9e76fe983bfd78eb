// A slice of a chunk keeps the whole chunk alive; a kept string must own its characters.
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
