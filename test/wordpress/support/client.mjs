// One WordPress user in a session, as a browser would be: cookies from the
// login, the nonces WordPress puts into its forms, the REST API with the
// X-WP-Nonce of a logged-in user (so WordPress applies that user's rights and
// kses filters, exactly as when they save in the block editor).
const TIMEOUT = 30_000;

export class WpSession {
  constructor(origin) {
    this.origin = origin;
    this.cookies = new Map([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
  }

  /** fetch on the site with this session's cookies; never follows redirects. */
  async request(path, {method = 'GET', body, headers = {}} = {}) {
    const res = await fetch(this.origin + path, {method, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT),
      headers: {Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...headers}});
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (/expires=Thu, 01[- ]Jan[- ]1970|max-age=0/i.test(line) || value === 'deleted' || value === '+') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** POSTs a form (URL-encoded) as a browser would, with the admin screen as referer. */
  post(path, fields, referer = path) {
    return this.request(path, {method: 'POST', body: new URLSearchParams(fields).toString(),
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Referer: this.origin + referer}});
  }

  async html(path) {
    const res = await this.request(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return res.text();
  }

  async login(user, password) {
    const res = await this.post('/wp-login.php', {log: user, pwd: password, 'wp-submit': 'Log In', testcookie: '1',
      redirect_to: `${this.origin}/wp-admin/`});
    if (res.status !== 302 || ![...this.cookies.keys()].some((k) => k.startsWith('wordpress_logged_in_'))) {
      throw new Error(`login as ${user} failed: ${res.status}`);
    }
    this.nonce = (await (await this.request('/wp-admin/admin-ajax.php?action=rest-nonce')).text()).trim();
    return this;
  }

  /** A REST call as this user; throws on an answer other than 2xx. */
  async rest(route, {method = 'GET', body} = {}) {
    const res = await this.request(`/?rest_route=${encodeURIComponent(route)}`, {method,
      body: body && JSON.stringify(body), headers: {'Content-Type': 'application/json', 'X-WP-Nonce': this.nonce}});
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
}

/** The value of a hidden input `name` in an admin page's HTML. */
export function field(html, name) {
  const m = new RegExp(`name=["']${name.replace(/[[\]]/g, '\\$&')}["'][^>]*value=["']([^"']*)["']`).exec(html)
    ?? new RegExp(`value=["']([^"']*)["'][^>]*name=["']${name.replace(/[[\]]/g, '\\$&')}["']`).exec(html);
  if (!m) throw new Error(`no field ${name} in the page`);
  return m[1].replaceAll('&amp;', '&');
}
