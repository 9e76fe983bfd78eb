// The HTTP server of `lei serve` (cli/serve-command.ts), in its own module so that only that command loads node:http.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The run folder read-only over HTTP: the site's links to ../<dataset>.csv resolve as they do from file://. */
export function serveRunFolder(root: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (url.pathname === '/' || url.pathname === '/site' || url.pathname === '/site/') return void res.writeHead(302, { location: '/site/index.html' }).end();
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    stat(file).then(
      (s) => {
        if (!s.isFile()) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': s.size });
        if (req.method === 'HEAD') return void res.end();
        createReadStream(file).pipe(res);
      },
      () => void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('見つかりません'),
    );
  });
}
