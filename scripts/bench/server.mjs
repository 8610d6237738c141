// A small static server for the benchmark pages on 127.0.0.1 (random port).
// Serves demo/, dist/ and bench/ from the repository, gzip-compressed when the
// client accepts it (as a production web server would). Two test switches on
// HTML pages:
//   ?bare      the page without its <script type="module"> (no widgets at all)
//   ?delay=ms  the module script answers ms late (the page paints its pre-upgrade
//              state first, which is what CLS is about)
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>\s*/g;

export async function startServer(root = resolve('.')) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/demo/index.html';
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const allowed = ['demo', 'dist', 'bench'].some((dir) => file.startsWith(join(root, dir) + '/'));
    try {
      if (!allowed) throw new Error('not here');
      let body = await readFile(file);
      const ext = extname(file);
      if (ext === '.html') {
        let html = body.toString('utf8');
        if (url.searchParams.has('bare')) html = html.replace(MODULE_SCRIPT, '');
        const delay = url.searchParams.get('delay');
        if (delay) html = html.replace(MODULE_SCRIPT, (m, src) => m.replace(src, `${src}?delay=${Number(delay)}`));
        body = Buffer.from(html);
      }
      const delay = ext === '.js' ? Number(url.searchParams.get('delay') ?? 0) : 0;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const headers = {'Content-Type': types[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-cache'};
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /text|javascript|json|svg/.test(headers['Content-Type'])) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
      res.end('Not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address();
  return {origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r))};
}
