// A real WordPress on this machine, from Debian's packages: a copy of
// /usr/share/wordpress in a temporary folder (its own wp-config.php, its own
// wp-content the web server may write to, so plugin uploads work), a MariaDB
// of its own on a Unix socket, and Apache with mod_php on 127.0.0.1:<free
// port>, proxying /api to the receiver. Nothing of the machine's own
// configuration is touched; close() removes it all.
import {spawn, execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';

/**
 * The WordPress to copy: Debian's, or another tree (`KP_WORDPRESS_DIR`, e.g. a
 * newer release unpacked somewhere, to run the same tests against it).
 */
const WP = process.env.KP_WORDPRESS_DIR || '/usr/share/wordpress';
const MODULES = '/usr/lib/apache2/modules';
const NEEDED = {
  wordpress: '/usr/share/wordpress/wp-settings.php',
  'wordpress-theme-twentytwentythree': '/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css',
  apache2: '/usr/sbin/apache2',
  'libapache2-mod-php': `${MODULES}/libphp8.2.so`,
  'mariadb-server': '/usr/sbin/mariadbd',
  'php-mysql': '/etc/php/8.2/mods-available/mysqli.ini',
  'php-codesniffer': '/usr/bin/phpcs',
};

/** Debian packages the WordPress test needs and this machine lacks. */
export const missingPackages = () => Object.entries(NEEDED).filter(([, path]) => !existsSync(path)).map(([name]) => name);

const isRoot = () => process.getuid?.() === 0;

/**
 * Installs what is missing when running as root (as CI does); otherwise
 * returns why the WordPress tests must be skipped (false: they can run).
 */
export function prepareMachine() {
  const missing = missingPackages();
  if (!missing.length) return false;
  if (!isRoot()) return `needs Debian's ${missing.join(', ')}: run  sudo bash scripts/install-wordpress-deps.sh`;
  execFileSync('bash', [new URL('../../../scripts/install-wordpress-deps.sh', import.meta.url).pathname],
    {stdio: 'inherit', timeout: 900_000});
  return false;
}

/** A free TCP port on 127.0.0.1 (asked from the system, then released for Apache). */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => done(port));
    });
  });
}

async function until(what, test, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await test()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function startMariaDb(dir) {
  const data = join(dir, 'db');
  const socket = join(dir, 'mysql.sock');
  const user = isRoot() ? ['--user=root'] : [];
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, ...user,
    '--auth-root-authentication-method=normal', '--skip-test-db'], {stdio: 'ignore', timeout: 60_000});
  const proc = spawn('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking',
    `--pid-file=${join(dir, 'mariadb.pid')}`, `--log-error=${join(dir, 'mariadb.log')}`, '--innodb-buffer-pool-size=16M',
    ...user], {stdio: 'ignore', detached: true});
  const sql = (statement) =>
    execFileSync('mariadb', ['--no-defaults', '-S', socket, '-u', 'root', '-e', statement], {timeout: 10_000, stdio: 'pipe'});
  return {proc, socket, sql};
}

function apacheConfig({dir, docroot, port, receiverPort}) {
  const user = isRoot() ? 'User www-data\nGroup www-data' : '';
  const mods = ['mpm_prefork', 'authz_core', 'dir', 'mime', 'proxy', 'proxy_http']
    .map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`)
    .join('\n');
  return `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}/run
${mods}
LoadModule php_module ${MODULES}/libphp8.2.so
${user}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
ErrorLog ${dir}/apache-error.log
LogFormat "%h \\"%r\\" %>s" short
CustomLog ${dir}/apache-access.log short
TypesConfig /etc/mime.types
DocumentRoot ${docroot}
<Directory />
  Require all denied
</Directory>
<Directory ${docroot}>
  Require all granted
  AllowOverride None
</Directory>
DirectoryIndex index.php index.html
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
ProxyPreserveHost On
ProxyPass /api/ http://127.0.0.1:${receiverPort}/api/
ProxyPassReverse /api/ http://127.0.0.1:${receiverPort}/api/
`;
}

function wpConfig({origin, socket, password}) {
  const salt = () => randomBytes(32).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define('${k}', '${salt()}');`).join('\n');
  return `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${password}');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
${keys}
$table_prefix = 'wp_';
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', __DIR__ . '/wp-debug.log');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Starts the site (not yet installed: see install.mjs). `receiverPort`: where
 * /api goes. Returns {origin, docroot, debugLog(), apacheErrors(), close()}.
 */
export async function startWordPress({receiverPort}) {
  const dir = mkdtempSync(join(tmpdir(), 'kp-wp-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'run'));
  const docroot = join(dir, 'wp');
  const procs = [];
  // Detached (see below), so they would outlive this process: end them if it exits first.
  const orphans = () => procs.forEach((proc) => proc.exitCode === null && proc.kill('SIGKILL'));
  process.once('exit', orphans);
  const close = async () => {
    process.off('exit', orphans);
    for (const proc of procs.reverse()) {
      if (proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      }
    }
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    cpSync(WP, docroot, {recursive: true, verbatimSymlinks: true});
    rmSync(join(docroot, '.htaccess'), {force: true});
    const db = startMariaDb(dir);
    procs.push(db.proc);
    await until('MariaDB', () => db.sql('SELECT 1'), 30_000);
    const password = randomBytes(12).toString('hex');
    db.sql(`CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${password}';
      GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    writeFileSync(join(docroot, 'wp-config.php'), wpConfig({origin, socket: db.socket, password}));
    if (isRoot()) execFileSync('chown', ['-R', 'www-data:www-data', docroot]);
    writeFileSync(join(dir, 'apache.conf'), apacheConfig({dir, docroot, port, receiverPort}));
    // A process group of its own: on stop, Apache (prefork) sends SIGTERM to its whole group.
    const apache = spawn('/usr/sbin/apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'], {stdio: 'ignore', detached: true});
    procs.push(apache);
    await until('Apache', async () => (await fetch(`${origin}/wp-admin/install.php`)).status === 200, 30_000);
    const read = (file) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
    const version = /\$wp_version = '([^']+)'/.exec(readFileSync(join(docroot, 'wp-includes/version.php'), 'utf8'))[1];
    return {
      origin,
      docroot,
      /** WordPress's version, e.g. 6.1.9. */
      version,
      /** Whether it has wp_enqueue_script_module (6.5 and later). */
      hasScriptModules: version.localeCompare('6.5', undefined, {numeric: true}) >= 0,
      /** Runs SQL on the site's database; returns mariadb's tab-separated output. */
      sql: (statement) => db.sql(`USE wordpress; ${statement}`).toString(),
      debugLog: () => (existsSync(join(docroot, 'wp-debug.log')) ? readFileSync(join(docroot, 'wp-debug.log'), 'utf8') : ''),
      apacheErrors: () => read('apache-error.log'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
