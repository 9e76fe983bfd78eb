// Bench floor for survey-xlsx: what Node needs to inflate a workbook's first sheet part and nothing else (yauzl + zlib,
// the bytes counted and dropped), started as plain `node` like every case. Usage: node dist/scripts/bench/inflate-floor.js <file.xlsx>
import yauzl from 'yauzl';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: inflate-floor.js <file.xlsx>');
const zip = await yauzl.openPromise(file, { lazyEntries: true });
const bytes = await new Promise<number>((resolve, reject) => {
  zip.on('error', reject);
  zip.on('end', () => reject(new Error(`${file}: xl/worksheets/sheet1.xml がありません`)));
  zip.on('entry', (entry: yauzl.Entry) => {
    if (entry.fileName !== 'xl/worksheets/sheet1.xml') return zip.readEntry();
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let n = 0;
      stream.on('data', (chunk: Buffer) => (n += chunk.length));
      stream.on('error', reject);
      stream.on('end', () => resolve(n));
    });
  });
  zip.readEntry();
});
zip.close();
process.stdout.write(`inflated ${bytes}\n`);
