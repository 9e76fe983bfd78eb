// exceljs stamps every zip entry with the current time, so two writes of the same workbook differ.
// Re-packing with one fixed entry date makes equal content give equal bytes.
import JSZip from 'jszip';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export async function deterministicZip(bytes: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  const names = Object.keys(source.files).sort(entryOrder);
  for (const name of names) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    target.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// [Content_Types].xml must stay first for some readers; the rest keep a stable order.
function entryOrder(a: string, b: string): number {
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
