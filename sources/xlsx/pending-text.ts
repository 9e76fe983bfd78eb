// Text held back until the string that closes it arrives. Only newly arrived text is searched, so an element that
// never ends (one 2 GB cell) costs linear time instead of a rescan of everything held for every chunk.

export class PendingText {
  private pieces: string[] = [];
  private length = 0;
  private needle = '';
  private tail = '';

  /** `tooLarge` is thrown once more than `maxChars` characters are held. */
  constructor(
    private readonly maxChars: number,
    private readonly tooLarge: () => Error,
  ) {}

  get holding(): boolean {
    return this.pieces.length > 0;
  }

  /** Holds `text` until `needle` appears in text fed after it. */
  hold(text: string, needle: string): void {
    this.pieces = [text];
    this.length = text.length;
    this.needle = needle;
    this.tail = tailOf(text, needle);
    if (this.length > this.maxChars) throw this.tooLarge();
  }

  /** Adds a chunk: the whole held text once the needle is in it (holding nothing then), else undefined. */
  feed(chunk: string): string | undefined {
    const found = this.endIn(chunk) !== -1;
    if (!found) return undefined;
    this.pieces.push(chunk);
    return this.flush();
  }

  /**
   * Where in `chunk` (from `from` on) the needle ends: the index just after it, holding nothing more; or -1, with the
   * rest of the chunk held too. Only new text is searched: the held text is never copied or rescanned.
   */
  endIn(chunk: string, from = 0): number {
    const { needle } = this;
    let at = -1;
    if (this.tail !== '') {
      const k = (this.tail + chunk.slice(from, from + needle.length - 1)).indexOf(needle);
      if (k !== -1) at = from + k + needle.length - this.tail.length;
    }
    if (at === -1) {
      const k = chunk.indexOf(needle, from);
      if (k !== -1) at = k + needle.length;
    }
    if (at !== -1) return at;
    const rest = from === 0 ? chunk : chunk.slice(from);
    this.pieces.push(rest);
    this.length += rest.length;
    if (this.length > this.maxChars) throw this.tooLarge();
    this.tail = rest.length >= needle.length - 1 ? tailOf(rest, needle) : tailOf(this.tail + rest, needle);
    return -1;
  }

  /** Everything held, at the end of the input (holding nothing then). */
  flush(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    return text;
  }
}

// The last needle.length − 1 characters: a needle split across two chunks is still found.
function tailOf(text: string, needle: string): string {
  return needle.length > 1 ? text.slice(Math.max(0, text.length - needle.length + 1)) : '';
}
