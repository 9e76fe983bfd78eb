// A free-text question's answers: per respondent the number of its text in a list (4 bytes, reserved with the other
// columns), each distinct text listed once while a column has few (stock answers repeated by many respondents). An
// array slot per respondent cost 8 bytes, grew by copying, and was copied again when the wave was finished.

// Past this many distinct texts a column is free writing, not a few stock answers: texts are listed as they come.
const MAX_INTERNED = 65536;

export class TextAnswers {
  /** Per respondent: 1 + the text's place in `texts`, 0 for no text. */
  private index: Int32Array;
  private readonly texts: string[] = [];
  /** Text → its place in `texts`, for the first MAX_INTERNED distinct texts. */
  private readonly places = new Map<string, number>();

  constructor(capacity: number) {
    this.index = new Int32Array(capacity);
  }

  /** Respondent slot `i`'s text (null: none); a dropped row's slot is set again. */
  set(i: number, text: string | null): void {
    // The slot's earlier text, when it was the last one listed and not shared, goes with it (a dropped row's answer).
    const earlier = this.index[i]! - 1;
    if (earlier >= 0 && earlier === this.texts.length - 1 && this.places.get(this.texts[earlier]!) !== earlier) this.texts.pop();
    if (text === null) {
      this.index[i] = 0;
      return;
    }
    let place = this.places.get(text);
    if (place === undefined) {
      place = this.texts.push(text) - 1;
      if (this.places.size < MAX_INTERNED) this.places.set(text, place);
    }
    this.index[i] = place + 1;
  }

  /** Respondent slot `i`'s text, or null. */
  at(i: number): string | null {
    const place = this.index[i]! - 1;
    return place < 0 ? null : this.texts[place]!;
  }

  /** Whether slots `a` and `b` hold the same text (or both none). */
  same(a: number, b: number): boolean {
    const x = this.index[a]!;
    const y = this.index[b]!;
    return x === y || (x !== 0 && y !== 0 && this.texts[x - 1] === this.texts[y - 1]);
  }

  /** Room for `capacity` respondents (the first `keep` slots copied). */
  resize(capacity: number, keep: number): void {
    const index = new Int32Array(capacity);
    index.set(this.index.subarray(0, Math.min(keep, capacity)));
    this.index = index;
  }
}
