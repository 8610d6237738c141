// Serves the demo page, the built file and the documentation site (built by Eleventy into
// build/docs/, served at /demo/docs/) on http://127.0.0.1:8080/ with the reference receiver at
// /api on the same origin (as most sites would run it). Static files come from demo/, dist/ and
// build/docs/ only. Nothing here is for production.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {extname, join, normalize, resolve} from 'node:path';
import {SITE_OUT, siteFile} from './site/paths.mjs';

const PORT = Number(process.env.PORT ?? 8080);
const HOST = process.env.HOST ?? '127.0.0.1';
const root = resolve('.');
const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon'};

let receiver;
if (existsSync('receiver/dist/receiver.js')) {
  const {createReceiver} = await import(resolve('receiver/dist/receiver.js'));
  receiver = createReceiver({dataDir: process.env.DATA_DIR ?? 'data', basePath: '/api',
    publicUrl: `http://${HOST}:${PORT}`});
}

const server = createServer(async (req, res) => {
  if (receiver?.handle(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(url.pathname);
  if (path === '/') {
    res.writeHead(302, {Location: '/demo/'});
    return res.end();
  }
  if (path.endsWith('/')) path += 'index.html';
  const site = siteFile(path);
  const file = normalize(join(root, site ?? path));
  const allowed = (site ? [SITE_OUT] : ['demo', 'dist']).some((dir) => file.startsWith(join(root, dir) + '/'));
  try {
    if (!allowed) throw new Error('not here');
    const body = await readFile(file);
    res.writeHead(200, {'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache'});
    res.end(body);
  } catch {
    res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
    res.end('Not found');
  }
});
server.listen(PORT, HOST, () => {
  console.log(`Demo:     http://${HOST}:${PORT}/`);
  console.log(`Docs:     http://${HOST}:${PORT}/demo/docs/ (Deutsch), http://${HOST}:${PORT}/demo/docs/en/ (English)`);
  if (receiver) console.log(`Receiver: http://${HOST}:${PORT}/api/submit (data in ${process.env.DATA_DIR ?? 'data'}/)`);
});
