// What an administrator does in wp-admin, step by step through its own forms:
// install WordPress, upload and activate the plugin's zip, save its settings,
// add users.
import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {WpSession, field} from './client.mjs';

export const PASSWORD = 'Kp-test-password-4711';

/** Runs WordPress's installer (install.php, step 2) and logs the administrator in. */
export async function installWordPress(origin) {
  const res = await new WpSession(origin).post('/wp-admin/install.php?step=2', {weblog_title: 'Stadt Musterstadt',
    user_name: 'admin', admin_password: PASSWORD, admin_password2: PASSWORD, pw_weak: 'on',
    admin_email: 'admin@musterstadt.invalid', blog_public: '0', Submit: 'Install WordPress', language: ''});
  const html = await res.text();
  if (!/Success!/.test(html)) throw new Error(`install.php: ${res.status} ${html.slice(0, 500)}`);
  return new WpSession(origin).login('admin', PASSWORD);
}

/** Plugins → Add New → Upload Plugin, then Activate Plugin. Returns the installer's page text. */
export async function uploadPlugin(admin, zipPath) {
  const form = await admin.html('/wp-admin/plugin-install.php?tab=upload');
  const body = new FormData();
  body.set('_wpnonce', field(form, '_wpnonce'));
  body.set('_wp_http_referer', '/wp-admin/plugin-install.php?tab=upload');
  body.set('pluginzip', new Blob([readFileSync(zipPath)], {type: 'application/zip'}), basename(zipPath));
  body.set('install-plugin-submit', 'Install Now');
  const res = await admin.request('/wp-admin/update.php?action=upload-plugin', {method: 'POST', body,
    headers: {Referer: `${admin.origin}/wp-admin/plugin-install.php?tab=upload`}});
  const page = await res.text();
  const activate = /href="([^"]*plugins\.php\?action=activate[^"]*)"/.exec(page);
  if (!/Plugin installed successfully/.test(page) || !activate) throw new Error(`upload failed: ${page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(-800)}`);
  const url = new URL(activate[1].replaceAll('&amp;', '&'), `${admin.origin}/wp-admin/`);
  const done = await admin.request(url.pathname + url.search);
  if (done.status !== 302) throw new Error(`activate: ${done.status} ${(await done.text()).slice(0, 500)}`);
  return page;
}

export const SETTINGS_PAGE = '/wp-admin/options-general.php?page=klimapartner-widgets';

/** Settings → Klimapartner-Widgets: fills and saves the form; `nonce: false` leaves the nonce out. */
export async function saveSettings(admin, values, {nonce = true} = {}) {
  const form = await admin.html(SETTINGS_PAGE);
  const fields = {option_page: field(form, 'option_page'), action: 'update', _wp_http_referer: SETTINGS_PAGE};
  if (nonce) fields._wpnonce = field(form, '_wpnonce');
  for (const [key, value] of Object.entries(values)) fields[`klimapartner_widgets[${key}]`] = value;
  return admin.post('/wp-admin/options.php', fields, SETTINGS_PAGE);
}

/** The settings as the settings page shows them. */
export async function shownSettings(admin) {
  const form = await admin.html(SETTINGS_PAGE);
  const shown = {};
  for (const key of ['action', 'privacy_url', 'deadline']) shown[key] = field(form, `klimapartner_widgets[${key}]`);
  shown.lang = /<option value="([a-z]*)"[^>]*selected/.exec(form)?.[1] ?? '';
  return {shown, form};
}

/** Users → Add New through the REST API, as the administrator. */
export async function addUser(admin, username, role) {
  await admin.rest('/wp/v2/users', {method: 'POST', body: {username, email: `${username}@musterstadt.invalid`,
    password: PASSWORD, roles: [role]}});
  return new WpSession(admin.origin).login(username, PASSWORD);
}

/**
 * The site language (the WPLANG option, '' for English), written in the
 * database: Settings → General offers only languages whose WordPress language
 * pack is installed, and Debian's WordPress has none.
 */
export function setSiteLanguage(site, locale) {
  site.sql(`INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('WPLANG', '${locale}', 'yes')
    ON DUPLICATE KEY UPDATE option_value = '${locale}'`);
}
