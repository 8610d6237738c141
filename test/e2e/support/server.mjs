// The "municipal CMS" of the end-to-end suite: one Node http server on
// 127.0.0.1 that serves host pages (built per test from a CMS layout), the
// built file (under two URLs, for the two-copies case), the host's own
// stylesheet and scripts, and the reference receiver at /api on the same
// origin (test controls on). It also collects CSP violation reports.
import {createServer} from 'node:http';
import {readFileSync, mkdtempSync, rmSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../../..');
/** The file under test; `KP_E2E_DIST` points elsewhere (e.g. a private build). */
export const DIST = process.env.KP_E2E_DIST ?? join(root, 'dist/klimapartner-widgets.js');

/** The strict CSP of the task, with what two copies of the file need. */
export const CSP = {
  strict:
    "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; " +
    "trusted-types lit-html 'allow-duplicates'",
  /** As the issue writes it: enough for one copy of the file. */
  single: "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
  none: '',
};

export const VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const types = {html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml'};

/**
 * The CMS layout around a page's content: its own header, navigation, fonts,
 * careless global rules (cms.css), its own script and custom elements, and
 * the widget file once or twice.
 */
export function layout({title = 'Stadt Musterstadt', lang = 'de', body = '', copies = 1, head = '', otherVersion = false} = {}) {
  const second = `/typo3conf/ext/klima/klimapartner-widgets.js?v=2${otherVersion ? '&version=other' : ''}`;
  const scripts = ['/fileadmin/klimapartner-widgets.js', second]
    .slice(0, copies)
    .map((src) => `<script type="module" src="${src}"></script>`)
    .join('\n    ');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <link rel="stylesheet" href="/cms/cms.css">
    <script src="/cms/host.js"></script>
    <script src="/cms/x-card.js" defer></script>
    ${scripts}
    ${head}
  </head>
  <body class="page-id-4711 layout-1">
    <div id="skiplinks"><a href="#content">Zum Inhalt springen</a></div>
    <header class="site-header"><a class="logo" href="/">Stadt Musterstadt</a>
      <nav><ul><li><a href="/rathaus">Rathaus</a></li><li><a href="/klima">Klima &amp; Umwelt</a></li></ul></nav>
      <form class="search" role="search"><input name="q" aria-label="Suche"><button>Suchen</button></form>
    </header>
    <main id="content" class="frame frame-default">
      <h1>${title}</h1>
      ${body}
    </main>
    <footer class="site-footer"><a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></footer>
  </body>
</html>`;
}

export async function startHost() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-e2e-'));
  const {createReceiver} = await import(join(root, 'receiver/dist/receiver.js'));
  const receiver = createReceiver({dataDir, basePath: '/api', testControls: true,
    rateLimit: {max: 100_000, windowMs: 60_000}});
  const pages = new Map();
  const folders = new Map();
  const cspReports = [];
  const assets = Object.fromEntries(['cms.css', 'host.js', 'x-card.js', 'photo.svg']
    .map((name) => [`/cms/${name}`, readFileSync(join(here, '../pages', name))]));
  let dist = readFileSync(DIST);
  let origin = '';

  const server = createServer((req, res) => {
    if (receiver.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store', ...headers});
      res.end(body);
    };
    if (url.pathname === '/__csp') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        cspReports.push(body);
        send(204, 'text/plain', '');
      });
      return;
    }
    if (url.pathname.endsWith('/klimapartner-widgets.js')) {
      // `version=other`: the same file claiming another version (an older copy left in a CMS template).
      const other = url.searchParams.get('version') === 'other';
      return send(200, types.js, other ? dist.toString().replaceAll(`\`${VERSION}\``, '`0.0.1-old`') : dist);
    }
    // A CMS has a favicon; without one the browser's own request for it logs a 404 at a random moment.
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (assets[url.pathname]) return send(200, types[url.pathname.split('.').pop()], assets[url.pathname]);
    for (const [prefix, {dir, csp}] of folders) {
      if (!url.pathname.startsWith(prefix)) continue;
      const path = join(dir, url.pathname.slice(prefix.length) || 'index.html');
      if (!path.startsWith(dir) || !existsSync(path)) break;
      const ext = path.split('.').pop();
      return send(200, types[ext] ?? 'application/octet-stream', readFileSync(path),
        ext === 'html' && csp ? {'Content-Security-Policy': `${csp}; report-uri /__csp`} : {});
    }
    const page = pages.get(url.pathname);
    if (page) {
      const csp = page.csp ?? CSP.strict;
      const headers = csp ? {'Content-Security-Policy': `${csp}; report-uri /__csp`} : {};
      return send(200, types.html, page.html, headers);
    }
    send(404, 'text/plain; charset=utf-8', 'Nicht gefunden');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;

  const api = async (path, body) => {
    const res = await fetch(`${origin}/api/__test/${path}`, body === undefined ? {} : {method: 'POST', body: JSON.stringify(body)});
    return res.json();
  };

  return {
    origin,
    cspReports,
    /** Registers a host page; returns its URL. `csp`: a policy string, '' for none (default CSP.strict). */
    page(path, options = {}) {
      pages.set(path, {html: options.html ?? layout(options), csp: options.csp});
      return origin + path;
    },
    /** Serves the files of `dir` at `prefix` (a built app), its HTML under `csp` (default CSP.strict). */
    serve(prefix, dir, {csp = CSP.strict} = {}) {
      folders.set(prefix, {dir, csp});
      return origin + prefix;
    },
    reset: () => api('reset', {}),
    faults: (list) => api('faults', list),
    submissions: () => api('submissions'),
    requests: () => api('requests'),
    reloadDist() {
      dist = readFileSync(DIST);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      receiver.close();
      rmSync(dataDir, {recursive: true, force: true});
    },
  };
}
