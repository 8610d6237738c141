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
import {fileURLToPath} from 'node:url';
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';

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

//
// `extra` adds pages made by the bench itself: URL path → HTML text, or → a file
// outside the served folders (the Lit floor built into a temporary folder).
//
// The server runs in a worker thread: the benchmark's own process is busy
// driving the browser (CDP messages, traces), and a page's requests must not
// wait for that, as they would not wait on a real site.
export async function startServer(root = resolve('.'), extra = {}) {
  const worker = new Worker(fileURLToPath(import.meta.url), {workerData: {root, extra}});
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {origin: `http://127.0.0.1:${port}`, close: () => worker.terminate()};
}

if (!isMainThread && workerData?.root) {
  const port = await serve(workerData.root, workerData.extra);
  parentPort.postMessage(port);
}

async function serve(root, extra) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/demo/index.html';
    if (path.endsWith('/')) path += 'index.html';
    const made = extra[path];
    const file = made?.file ?? normalize(join(root, path));
    const allowed = made || ['demo', 'dist', 'bench'].some((dir) => file.startsWith(join(root, dir) + '/'));
    try {
      if (!allowed) throw new Error('not here');
      let body = typeof made === 'string' ? Buffer.from(made) : await readFile(file);
      const ext = typeof made === 'string' ? '.html' : extname(file);
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
        // Compressed once per content, as a production server serves static files.
        const key = body.toString('latin1');
        if (!compressed.has(key)) compressed.set(key, gzipSync(body));
        body = compressed.get(key);
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
  return server.address().port;
}
