// A file cut off part-way can stop inside a multi-byte character (a download cut at a byte, not at a character):
// then no encoding reads the whole file, though every byte before the cut is sound. Readers try the file without
// its last one to three bytes — only lead or continuation bytes (≥ 0x80), never a line break — and, when that reads,
// report the file as cut off (csvCutShort with `cutInsideCharacter`) instead of as bytes of an unknown encoding.
import { detectEncoding, detectStreamEncoding, type DetectedEncoding, type TextEncodingName } from './decode-text.ts';

/** Most bytes a character of UTF-8 (4) or CP932 (2) can be cut short by. */
const MAX_CUT = 3;

/** detectEncoding, trying the bytes without a character cut short at their end when the whole does not read. */
export function detectEncodingOfCut(
  bytes: Uint8Array,
  accepted: readonly TextEncodingName[],
): { detected: DetectedEncoding; bytes: Uint8Array; cutInsideCharacter: boolean } {
  const detected = detectEncoding(bytes, accepted);
  if (detected.ok || detected.code !== 'text-undecodable') return { detected, bytes, cutInsideCharacter: false };
  for (let k = 1; k <= Math.min(MAX_CUT, bytes.length - 1); k += 1) {
    if (bytes[bytes.length - k]! < 0x80) break;
    const shorter = bytes.subarray(0, bytes.length - k);
    const again = detectEncoding(shorter, accepted);
    if (again.ok) return { detected: again, bytes: shorter, cutInsideCharacter: true };
  }
  return { detected, bytes, cutInsideCharacter: false };
}

/** detectStreamEncoding for a file read in chunks, the same way: `open(k)` gives the file without its last k bytes. */
export async function detectStreamEncodingOfCut(
  open: (dropLast: number) => AsyncIterable<Uint8Array>,
  accepted: readonly TextEncodingName[],
): Promise<{ detected: DetectedEncoding; dropLast: number }> {
  const detected = await detectStreamEncoding(() => open(0), accepted);
  if (detected.ok || detected.code !== 'text-undecodable') return { detected, dropLast: 0 };
  const tail = await lastBytes(open(0), MAX_CUT);
  for (let k = 1; k <= Math.min(MAX_CUT, tail.length - 1); k += 1) {
    if (tail[tail.length - k]! < 0x80) break;
    const again = await detectStreamEncoding(() => open(k), accepted);
    if (again.ok) return { detected: again, dropLast: k };
  }
  return { detected, dropLast: 0 };
}

/** Chunks of a file of `size` bytes without its last `dropLast` bytes. */
export async function* withoutLastBytes(chunks: AsyncIterable<Uint8Array>, size: number, dropLast: number): AsyncIterable<Uint8Array> {
  let at = 0;
  const end = size - dropLast;
  for await (const chunk of chunks) {
    if (at >= end) break;
    yield at + chunk.length <= end ? chunk : chunk.subarray(0, end - at);
    at += chunk.length;
  }
}

async function lastBytes(chunks: AsyncIterable<Uint8Array>, n: number): Promise<Uint8Array> {
  let tail = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (chunk.length >= n) {
      tail = chunk.slice(chunk.length - n);
      continue;
    }
    const joined = new Uint8Array(tail.length + chunk.length);
    joined.set(tail);
    joined.set(chunk, tail.length);
    tail = joined.slice(Math.max(0, joined.length - n));
  }
  return tail;
}
