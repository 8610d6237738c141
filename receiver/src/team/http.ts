/**
 * The team's workspace under `/team/` (issue 20), dispatched from the
 * receiver's request handler. Every route checks the session and the role on
 * the server; every POST checks that `Origin` is the receiver's own (a browser
 * always sends it with a POST), the CSRF token of the session (not for the
 * sign-in and set-password forms, which have none yet) and takes only
 * `application/x-www-form-urlencoded`.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {timingSafeEqual} from 'node:crypto';
import {escapeHtml as e, readBody} from '../http.js';
import {clientKey} from '../rate-limit.js';
import type {Store} from '../store.js';
import {audit, auditEntries} from './audit.js';
import {verifyPassword} from './passwords.js';
import {STATUSES} from './records.js';
import {sessions, type Session} from './sessions.js';
import {throttle} from './throttle.js';
import {accountKey, UserError, users} from './users.js';
import {header, language, page, signInForm, TEXTS, type Texts} from './pages.js';
import {interestPages} from './interest.js';
import {exportRows, toCsv} from '../export.js';
import {rowsToXlsx} from '../xlsx.js';
import {erase, show} from '../access.js';
import {isEmail} from '../../../src/shared/rules.js';
import {createHash} from 'node:crypto';
import {addressKey} from '../addresses.js';
import {oidcSignIn, type OidcSettings} from './oidc.js';
import {secondFactor} from './totp.js';
import {securityPage} from './security-page.js';

export interface TeamOptions {
  store: Store;
  clock: () => number;
  publicUrl?: string;
  /** The client's address (behind TRUST_PROXY). */
  client: (req: IncomingMessage) => string;
  /** Sign-in through the organisation's identity provider too (oidc.ts); needs `publicUrl`. */
  oidc?: OidcSettings;
  /** TEAM_REQUIRE_TOTP: a person without a second factor can reach only its setup. */
  requireTotp?: boolean;
  /** TEAM_TOTP_KEY (hex): seals the TOTP secrets in the database. */
  totpKey?: string;
}

const THROTTLE_MS = 15 * 60_000;
/** A hash to check against for unknown accounts, so that they take as long as known ones. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
/** What a person without a second factor may reach while TEAM_REQUIRE_TOTP holds: signing in and out, and the setup. */
const OPEN_WITHOUT_TOTP = new Set(['sign-in', 'sign-out', 'password', 'security', 'security/enable']);

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, {...headers, Location: location, 'Cache-Control': 'no-store'});
  res.end();
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

/** The audit names an erased or looked-up address only by the start of its SHA-256, never in clear. */
const addressHash = (email: string) => 'sha256:' + createHash('sha256').update(addressKey(email)).digest('hex').slice(0, 16);
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function teamWorkspace({store, clock, publicUrl, client, requireTotp = false, totpKey, oidc}: TeamOptions) {
  const db = store.db;
  const team = users(db);
  const live = sessions(db);
  const interest = interestPages({store, now: () => new Date(clock()), send, redirect});
  const perAccount = throttle(10, THROTTLE_MS);
  const perClient = throttle(30, THROTTLE_MS);
  const secure = publicUrl?.startsWith('https:') ?? false;
  /** `__Host-` needs Secure, which a browser refuses on plain http (but on localhost); so plain http gets a name without the prefix. */
  const COOKIE = secure ? '__Host-kp-team' : 'kp-team';
  const cookie = (value: string, maxAge?: number) =>
    `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
  const now = () => new Date(clock());
  const factor = secondFactor(db, totpKey === undefined ? undefined : Buffer.from(totpKey, 'hex'));
  const security = securityPage({
    db,
    factor,
    clock,
    requireTotp,
    issuer: publicUrl ? `Klimapartner (${new URL(publicUrl).hostname})` : 'Klimapartner',
    send,
    redirect,
    throttle: perAccount,
    endOthers: (req, email) => live.endOthers(email, cookies(req)[COOKIE] ?? ''),
  });

  /** A new session id at every sign-in (by password or the identity provider); one the browser still had ends. Returns the Set-Cookie. */
  function startSession(req: IncomingMessage, email: string): string {
    const old = cookies(req)[COOKIE];
    if (old) live.end(old);
    return cookie(live.start(email, clock()).id);
  }
  const sso =
    oidc && publicUrl
      ? oidcSignIn(oidc, publicUrl, {
          secure,
          clock,
          account: (email) => team.find(email)?.email,
          startSession,
          audit: (account, action, object) => audit(db, now(), account, action, object),
          cookies,
          send,
        })
      : undefined;
  const signInPage = (t: Texts, lang: 'de' | 'en', errors: string[] = [], email = '') => signInForm(t, errors, email) + (sso ? sso.button(lang) : '');

  function originOk(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return false;
    if (publicUrl && origin === new URL(publicUrl).origin) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === req.headers.host?.toLowerCase();
    } catch {
      return false;
    }
  }

  async function form(req: IncomingMessage): Promise<URLSearchParams | undefined> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return undefined;
    const body = await readBody(req, 16 * 1024);
    return body === undefined ? undefined : new URLSearchParams(body.toString('utf8'));
  }

  const session = (req: IncomingMessage): Session | undefined => live.get(cookies(req)[COOKIE], clock());

  // ---- pages ----

  function home(req: IncomingMessage, res: ServerResponse, t: Texts, lang: 'de' | 'en'): void {
    if (!team.any()) return send(res, 503, page(lang, t.title, `<p>${e(t.off)}</p>`));
    const s = session(req);
    if (!s) return send(res, 200, page(lang, t.signIn, signInPage(t, lang)));
    const rows = interest.interestRows();
    const counts = STATUSES.map((status) => `<li>${e(t.statuses[status])}: ${rows.filter((r) => r.state.status === status).length}</li>`).join('');
    send(res, 200, page(lang, t.title, `<h2><a href="/team/interest">${e(t.count(rows.length))}</a></h2><ul>${counts}</ul>`, header(t, s.email, s.csrf)));
  }

  // ---- actions ----

  async function signIn(req: IncomingMessage, res: ServerResponse, t: Texts, lang: 'de' | 'en', fields: URLSearchParams): Promise<void> {
    const email = accountKey(fields.get('email') ?? '');
    const password = fields.get('password') ?? '';
    const code = (fields.get('code') ?? '').trim();
    const at = clock();
    const ip = clientKey(client(req)); // IPv6 by its /64, as the submit limit counts it
    if (perAccount.blocked(email, at) || perClient.blocked(ip, at)) {
      audit(db, now(), email || null, 'sign-in.throttled');
      return send(res, 429, page(lang, t.signIn, signInPage(t, lang, [t.throttled], email)), {'Retry-After': String(THROTTLE_MS / 1000)});
    }
    const user = email ? team.find(email) : undefined;
    const ok = verifyPassword(password, user?.password_hash ?? DUMMY_HASH) && !!user?.password_hash;
    if (!ok || !user) {
      perAccount.fail(email, at);
      perClient.fail(ip, at);
      audit(db, now(), email || null, 'sign-in.failed');
      return send(res, 401, page(lang, t.signIn, signInPage(t, lang, [t.failed], email)));
    }
    if (factor.enabled(user.email)) {
      const used = code ? factor.check(user.email, code, at) : undefined;
      if (!used) {
        perAccount.fail(email, at);
        perClient.fail(ip, at);
        audit(db, now(), user.email, 'sign-in.code-failed');
        return send(res, 401, page(lang, t.signIn, signInPage(t, lang, [t.failed], email)));
      }
      if (used === 'recovery') audit(db, now(), user.email, 'sign-in.recovery-code', `${factor.recoveryLeft(user.email)} left`);
    }
    perAccount.clear(email);
    const session = startSession(req, user.email);
    audit(db, now(), user.email, 'sign-in');
    redirect(res, requireTotp && !factor.enabled(user.email) ? '/team/security' : '/team/', {'Set-Cookie': session});
  }

  async function setPassword(res: ServerResponse, t: Texts, lang: 'de' | 'en', fields: URLSearchParams): Promise<void> {
    const token = fields.get('token') ?? '';
    try {
      const email = team.setPasswordByLink(token, fields.get('password') ?? '', now());
      if (!email) return send(res, 400, page(lang, t.setPassword, `<p>${e(t.linkInvalid)}</p>`));
      send(res, 200, page(lang, t.setPassword, `<p>${e(t.passwordSet)}</p><p><a href="/team/">${e(t.signIn)}</a></p>`));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      send(res, 422, page(lang, t.setPassword, passwordForm(t, token, [t.passwordShort])));
    }
  }

  const passwordForm = (t: Texts, token: string, errors: string[] = []) =>
    (errors.length ? `<div class="error" role="alert"><h2>${e(t.passwordShort)}</h2></div>` : '') +
    `<form method="post" action="/team/password"><input type="hidden" name="token" value="${e(token)}"><label for="password">${e(t.newPassword)}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required><p><button type="submit">${e(t.setPassword)}</button></p></form>`;

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const lang = language(req.headers['accept-language']);
    const t = TEXTS[lang];
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (path === '/team') return redirect(res, '/team/');
    const sub = path.slice('/team/'.length);
    // TEAM_REQUIRE_TOTP: whoever can sign in with a password needs the second factor; a person without a
    // password signs in only through the identity provider, which does its own MFA (docs/receiver.md).
    if (requireTotp && !OPEN_WITHOUT_TOTP.has(sub)) {
      const s = session(req);
      if (s && !factor.enabled(s.email) && team.find(s.email)?.password_hash) return redirect(res, '/team/security');
    }

    if (method === 'GET') {
      if (sub === '') return home(req, res, t, lang);
      const ssoAnswer = sso?.handle(req, res, path, lang);
      if (ssoAnswer) return ssoAnswer;
      if (sub === 'password') {
        const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
        return send(res, 200, page(lang, t.setPassword, passwordForm(t, token)));
      }
      const s = session(req);
      if (!s) return redirect(res, '/team/');
      if (await interest.get(res, lang, s, sub, new URL(req.url ?? '/', 'http://localhost').searchParams)) return;
      if (sub === 'newsletter' || sub === 'newsletter/export') {
        const [head, ...rows] = exportRows(store, 'newsletter');
        const statusAt = head.indexOf('status');
        if (sub === 'newsletter') {
          const count = (status: string) => rows.filter((r) => r[statusAt] === status).length;
          const list = (['pending', 'confirmed', 'unsubscribed'] as const).map((st) => `<li>${e(t.newsletterStatus[st])}: ${count(st)}</li>`).join('');
          return send(res, 200, page(lang, t.newsletter, `<ul>${list}</ul><p><a href="/team/newsletter/export?format=csv">${e(t.exportCsv)}</a> · <a href="/team/newsletter/export?format=xlsx">${e(t.exportXlsx)}</a></p>`, header(t, s.email, s.csrf)));
        }
        const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
        const table = [head, ...rows.filter((r) => r[statusAt] === 'confirmed')];
        audit(db, now(), s.email, 'newsletter.export', `${format} confirmed rows=${table.length - 1}`);
        const body = format === 'csv' ? Buffer.from(toCsv(table)) : await rowsToXlsx(table, 'newsletter');
        res.writeHead(200, {
          'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="newsletter.${format}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        return void res.end(body);
      }
      if (sub === 'security') return security.show(res, t, lang, s);
      if (sub === 'privacy') {
        if (s.role !== 'admin') return send(res, 403, page(lang, t.forbidden, `<p>${e(t.forbidden)}</p>`, header(t, s.email, s.csrf)));
        const email = (new URL(req.url ?? '/', 'http://localhost').searchParams.get('email') ?? '').trim();
        let found = '';
        if (email && isEmail(email)) {
          audit(db, now(), s.email, 'privacy.show', addressHash(email));
          found =
            `<h2>${e(email)}</h2><pre>${e(JSON.stringify(show(store, email), null, 2))}</pre>` +
            `<form method="post" action="/team/privacy/erase"><input type="hidden" name="csrf" value="${e(s.csrf)}"><input type="hidden" name="email" value="${e(email)}">` +
            `<p><input type="checkbox" id="confirm" name="confirm" value="yes" required> <label for="confirm" style="display:inline">${e(t.eraseConfirm)}</label></p><p><button type="submit">${e(t.erase)}</button></p></form>`;
        }
        // type="text": a browser's type="email" refuses a local part with an umlaut (`änne@…`), which a visitor may have used
        return send(
          res,
          200,
          page(lang, t.privacy, `<form method="get" action="/team/privacy"><label for="email">${e(t.email)}</label><input id="email" name="email" type="text" inputmode="email" autocomplete="off" spellcheck="false" autocapitalize="none" value="${e(email)}" required> <button type="submit">${e(t.lookUp)}</button></form>${found}`, header(t, s.email, s.csrf)),
        );
      }
      if (sub === 'audit') {
        if (s.role !== 'admin') return send(res, 403, page(lang, t.forbidden, `<p>${e(t.forbidden)}</p>`, header(t, s.email, s.csrf)));
        const rows = auditEntries(db).reverse().slice(0, 500);
        const table =
          `<table><thead><tr><th scope="col">${e(t.time)}</th><th scope="col">${e(t.account)}</th><th scope="col">${e(t.action)}</th><th scope="col">${e(t.object)}</th></tr></thead><tbody>` +
          rows.map((r) => `<tr><td>${e(r.at)}</td><td>${e(r.account ?? '')}</td><td>${e(r.action)}</td><td>${e(r.object ?? '')}</td></tr>`).join('') +
          '</tbody></table>';
        return send(res, 200, page(lang, t.audit, table, header(t, s.email, s.csrf)));
      }
      return send(res, 404, page(lang, t.notFound, '', header(t, s.email, s.csrf)));
    }

    if (method !== 'POST') {
      res.writeHead(405, {Allow: 'GET, POST', 'Cache-Control': 'no-store'});
      return void res.end();
    }
    if (!originOk(req)) return send(res, 403, page(lang, t.expired, `<p>${e(t.expired)}</p>`));
    const fields = await form(req);
    if (!fields) return send(res, 415, page(lang, t.expired, `<p>${e(t.expired)}</p>`));
    if (sub === 'sign-in') return signIn(req, res, t, lang, fields);
    if (sub === 'password') return setPassword(res, t, lang, fields);

    const s = session(req);
    if (!s || !same(fields.get('csrf') ?? '', s.csrf)) return send(res, 403, page(lang, t.expired, `<p>${e(t.expired)}</p><p><a href="/team/">${e(t.signIn)}</a></p>`));
    if (sub === 'sign-out') {
      live.end(cookies(req)[COOKIE]);
      audit(db, now(), s.email, 'sign-out');
      return redirect(res, '/team/', {'Set-Cookie': cookie('', 0)});
    }
    if (sub.startsWith('security/')) return security.change(req, res, t, lang, s, sub.slice('security/'.length), fields);
    if (sub === 'privacy/erase') {
      if (s.role !== 'admin') return send(res, 403, page(lang, t.forbidden, `<p>${e(t.forbidden)}</p>`, header(t, s.email, s.csrf)));
      const email = (fields.get('email') ?? '').trim();
      if (!isEmail(email) || fields.get('confirm') !== 'yes') return send(res, 422, page(lang, t.privacy, `<div class="error" role="alert"><p>${e(t.eraseConfirm)}</p></div>`, header(t, s.email, s.csrf)));
      const removed = erase(store, email);
      audit(db, now(), s.email, 'privacy.erase', `${addressHash(email)} records=${removed}`);
      return send(res, 200, page(lang, t.privacy, `<p role="status">${e(t.erased(removed))}</p><p><a href="/team/privacy">${e(t.privacy)}</a></p>`, header(t, s.email, s.csrf)));
    }
    if (interest.post(res, lang, s, sub, fields)) return;
    send(res, 404, page(lang, t.notFound, '', header(t, s.email, s.csrf)));
  }

  return {
    /** Answers requests for `/team` and `/team/…`; returns false for any other path. */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== '/team' && !path.startsWith('/team/')) return false;
      handle(req, res, path).catch((error: unknown) => {
        console.error('receiver: team:', error);
        if (!res.headersSent) send(res, 500, page('de', 'Fehler / Error', ''));
        else res.end();
      });
      return true;
    },
  };
}
