// Where the parts of a workbook are: sheets in workbook order with their part paths (via xl/_rels/workbook.xml.rels,
// never assuming sheetN.xml), the shared-strings and styles parts, and whether dates count from 1904.
import path from 'node:path';
import { decodeXmlText } from './decode-xml-text.ts';
import type { XlsxZip } from './open-xlsx-zip.ts';
import { corruptWorkbook, XlsxReadError } from './xlsx-read-error.ts';

export interface XlsxSheetPart {
  name: string;
  /** Path of the part inside the zip, e.g. xl/worksheets/sheet3.xml. */
  path: string | undefined;
  /** Only worksheets have rows; chart and dialog sheets do not. */
  kind: 'worksheet' | 'chartsheet' | 'other';
  hidden: boolean;
}

export interface XlsxWorkbookParts {
  sheets: XlsxSheetPart[];
  sharedStringsPath: string | undefined;
  /** The styles part (number formats), read only by readers that tell date cells apart. */
  stylesPath: string | undefined;
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string;
}

export async function resolveWorkbook(zip: XlsxZip): Promise<XlsxWorkbookParts> {
  const rootRels = await readRelationships(zip, '', '_rels/.rels');
  const workbookPath = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = zip.entry(workbookPath);
  if (!workbookEntry) {
    throw new XlsxReadError(
      'xlsx-not-a-workbook',
      'Excelブック（.xlsx）ではありません（xl/workbook.xml がありません）。Wordなど別のアプリのファイルでないか確かめ、Excelで「Excel ブック (*.xlsx)」形式で保存し直してください',
    );
  }
  const xml = await zip.readText(workbookEntry);
  const dir = path.posix.dirname(workbookPath);
  const rels = await readRelationships(zip, dir, `${dir}/_rels/${path.posix.basename(workbookPath)}.rels`);

  const props = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b([^>]*)>/.exec(xml);
  const date1904Attr = props ? attributes(props[1]!).get('date1904') : undefined;
  const sheets: XlsxSheetPart[] = [];
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    const name = attrs.get('name');
    if (name === undefined) throw corruptWorkbook('シート名のないシートがあります');
    const relId = [...attrs].find(([k]) => k.endsWith(':id') || k === 'id')?.[1];
    const rel = relId === undefined ? undefined : rels.get(relId);
    const kind = rel?.type.endsWith('/worksheet') ? 'worksheet' : rel?.type.endsWith('/chartsheet') ? 'chartsheet' : 'other';
    const state = attrs.get('state');
    sheets.push({ name, path: rel?.target, kind, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const sharedStrings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const styles = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target;
  return {
    sheets,
    sharedStringsPath: sharedStrings ?? (zip.entry(`${dir}/sharedStrings.xml`) ? `${dir}/sharedStrings.xml` : undefined),
    stylesPath: styles ?? (zip.entry(`${dir}/styles.xml`) ? `${dir}/styles.xml` : undefined),
    date1904: date1904Attr === '1' || date1904Attr === 'true',
  };
}

async function readRelationships(zip: XlsxZip, baseDir: string, relsPath: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = zip.entry(relsPath);
  if (!entry) return rels;
  const xml = await zip.readText(entry);
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id === undefined || target === undefined || attrs.get('TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(baseDir, target));
    rels.set(id, { type: attrs.get('Type') ?? '', target: resolved });
  }
  return rels;
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!, decodeXmlText(m[2] ?? m[3] ?? '', false));
  }
  return attrs;
}
