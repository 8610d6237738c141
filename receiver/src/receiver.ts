/**
 * The receiver's request handler: `POST {basePath}/submit` (idempotent per
 * submission id), the double opt-in pages `GET/POST {basePath}/confirm` and
 * `GET/POST {basePath}/unsubscribe`, `GET {basePath}/health`, and, for tests
 * only, `{basePath}/__test/…`. Every mail goes through the outbox, written in
 * the transaction that stores its submission. It also applies the retention
 * rules at creation and then daily.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type BetterSqlite3 from 'better-sqlite3';
import {randomUUID} from 'node:crypto';
import {validateInterest, validateNewsletter, type Errors} from '../../src/shared/rules.js';
import {cors, localUrl, parseBody, preflight, readBody, sendJson, type Fields} from './http.js';
import {openStore} from './store.js';
import {rateLimiter, type RateLimit} from './rate-limit.js';
import {playFault, testControls, type Fault, type Route} from './test-controls.js';
import {setUpMail, type MailOptions} from './mailing.js';
import {databaseErrorText} from './outbox-worker.js';
import {openSubscriptions} from './subscriptions.js';
import {openConsentHistory} from './consent-history.js';
import {signUp} from './double-opt-in.js';
import {notifyMail} from './notify-mail.js';
import {consentRoutes} from './consent-routes.js';
import {clientAddress, parseTrustProxy} from './proxy.js';
import {postRefusal} from './origin.js';
import {allowList, type Form} from './fields.js';
import {interestClosed, type DeadlineOptions} from './deadline.js';
import {purge} from './retention.js';
import {noteReference} from './log.js';
import {referenceOf} from './reference.js';
import {teamWorkspace} from './team/http.js';
import type {OidcSettings} from './team/oidc.js';
import {lockDataDir} from './serve-lock.js';
import {cachedWritable} from './health-check.js';

export {referenceOf};

export interface ReceiverOptions extends DeadlineOptions, MailOptions {
  /** Where `submissions.sqlite` lives; created if missing. */
  dataDir: string;
  /** startReceiver only: default 8787; 0 picks a free port. */
  port?: number;
  /** startReceiver only: default 127.0.0.1. */
  host?: string;
  /** Default `/api`. */
  basePath?: string;
  /** Origins (exact, e.g. `https://www.example.org`) that get CORS headers and may POST. Default none (only the receiver's own). */
  allowedOrigins?: string[];
  /** `TRUST_PROXY`: off (default), a hop count, or proxy addresses and CIDR ranges (comma-separated). */
  trustProxy?: string | number;
  /** The clock (ms since 1970), default `Date.now`; for tests. */
  now?: () => number;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  /** Submit requests per client address; default 30 per minute. */
  rateLimit?: RateLimit;
  /** Enables `{basePath}/__test/…`. Only for tests. */
  testControls?: boolean;
  /** Days an expression of interest is kept; default 365. */
  retainDays?: number;
  /** Days an address's consent history is kept after its newest entry, unless subscribed; default 1095. */
  consentProofDays?: number;
  /** Days an audit entry of the team's workspace is kept; default 730. */
  auditRetainDays?: number;
  /** Field names kept besides the contract's (hidden inputs of a site). */
  extraFields?: string[];
  /** `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`: the team signs in through the organisation's identity provider too. */
  oidc?: OidcSettings;
  /** `TEAM_REQUIRE_TOTP`: everyone in the team's workspace must use a second factor (TOTP). */
  teamRequireTotp?: boolean;
  /** `TEAM_TOTP_KEY`: 32 bytes in hex that seal the TOTP secrets in the database (AES-256-GCM). */
  teamTotpKey?: string;
}

export interface Receiver {
  /** Handles the request if its path is one of the receiver's (answering asynchronously); returns whether it did. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Stops the outbox worker (after the mail being sent) and closes the database. */
  close(): Promise<void>;
  /** The better-sqlite3 database (tables `submissions`, `newsletter_subscriptions`, `consents`, `consent_withdrawals`, `outbox`). */
  db: BetterSqlite3.Database;
}

const MAX_KEY = 200;
const DAY = 86_400_000;

/** The path of a request target, or undefined when it cannot be parsed (`//[`). */
export function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function validate(form: unknown, data: Fields): Errors | {_form: 'choice'} {
  if (form === 'newsletter') return validateNewsletter(data);
  if (form === 'interest') return validateInterest(data);
  return {_form: 'choice'};
}

/** Throws DataDirInUse (serve-lock.ts) when another receiver runs on `opts.dataDir`. */
export function createReceiver(opts: ReceiverOptions): Receiver {
  const lock = lockDataDir(opts.dataDir); // first: a second receiver must not even start its outbox
  try {
    return receiverOn(opts, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function receiverOn(opts: ReceiverOptions, unlock: () => void): Receiver {
  const basePath = (opts.basePath ?? '/api').replace(/\/+$/, '');
  const allowed = opts.allowedOrigins ?? [];
  const maxBody = opts.maxBodyBytes ?? 64 * 1024;
  const clock = opts.now ?? Date.now;
  const now = () => new Date(clock()).toISOString();
  const trust = parseTrustProxy(opts.trustProxy === undefined ? undefined : String(opts.trustProxy));
  const client = (req: IncomingMessage) => clientAddress(req, trust);
  const store = openStore(opts.dataDir);
  // first: a TOTP key that cannot open the stored secrets stops the start before anything runs
  const team = (() => {
    try {
      return teamWorkspace({store, clock, publicUrl: opts.publicUrl, client, requireTotp: opts.teamRequireTotp, totpKey: opts.teamTotpKey, oidc: opts.oidc});
    } catch (error) {
      store.close();
      throw error;
    }
  })();
  const subscriptions = openSubscriptions(store.db);
  const history = openConsentHistory(store.db, subscriptions);
  const mail = setUpMail(store.db, opts, clock, store.checkWritable);
  const keep = allowList(opts.extraFields);
  const closed = interestClosed(opts);
  const applyRetention = () => {
    try {
      purge(store, opts, clock());
    } catch (error) {
      console.error('receiver: purge failed:', (error as Error).message);
    }
  };
  applyRetention();
  const daily = setInterval(applyRetention, DAY);
  daily.unref();
  const limiter = rateLimiter(opts.rateLimit ?? {max: 30, windowMs: 60_000});
  const controls = opts.testControls
    ? testControls({
        submissions: () => store.submissions(),
        outbox: () => mail.outbox.list().map((row) => ({...row, message: row.message && JSON.parse(row.message)})),
        reset() {
          store.clear();
          subscriptions.clear();
          history.clear();
          mail.outbox.clear();
          limiter.clear();
        },
      })
    : undefined;

  /** Stores a new submission with its mails, in one transaction; returns whether it was new. */
  const record = store.db.transaction(
    (req: IncomingMessage, id: string, form: string, locale: string | null, data: Record<string, unknown>): boolean => {
      const at = now();
      if (!store.add(id, form, locale, data, at)) return false;
      if (form === 'newsletter') {
        const base = (opts.publicUrl?.replace(/\/+$/, '') || localUrl(req)) + basePath;
        signUp(subscriptions, mail.outbox, {email: String(data.email), locale, submissionId: id, now: at, base, from: mail.from});
      } else if (form === 'interest' && mail.notifyTo.length) {
        const message = notifyMail({to: mail.notifyTo, from: mail.from, reference: referenceOf(id), data, locale, date: at});
        mail.outbox.add('notify', id, mail.notifyTo.map((m) => m.address).join(', '), message, at);
      }
      return true;
    },
  );

  async function submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault: Fault | undefined = controls?.nextFault();
    const wait = limiter.hit(client(req), clock());
    if (wait) return sendJson(res, 429, {errors: {_rate: 'limit'}}, {'Retry-After': String(wait)});

    const body = await readBody(req, maxBody);
    if (!body) return sendJson(res, 413, {errors: {_body: 'too-large'}}, {Connection: 'close'});
    const data = parseBody(req.headers['content-type'], body);
    if (data === 'unsupported') return sendJson(res, 415, {errors: {_body: 'unsupported'}});
    if (typeof data === 'string') return sendJson(res, 400, {errors: {_body: data}});

    const header = req.headers['idempotency-key'];
    const given = typeof header === 'string' && header ? header : data._submissionId;
    if (given !== undefined && (typeof given !== 'string' || !given || given.length > MAX_KEY)) {
      return sendJson(res, 400, {errors: {_submissionId: 'invalid'}});
    }
    const id = given ?? randomUUID();
    noteReference(res, referenceOf(id));
    controls?.countRequest(id);
    if (fault && !fault.afterStore && (await playFault(fault, res))) return;

    const success = {ok: true, id, reference: referenceOf(id)};
    const gotcha = data._gotcha;
    if (gotcha !== undefined && gotcha !== '' && gotcha !== null) return sendJson(res, 200, success);

    // After the deadline (and its grace period) only a submission already stored is answered as such.
    if (data._form === 'interest' && closed(clock()) && !store.has(id)) {
      return sendJson(res, 422, {errors: {_form: 'closed'}});
    }
    const errors = validate(data._form, data);
    if (Object.keys(errors).length) return sendJson(res, 422, {errors});

    const form = data._form as Form;
    const locale = typeof data._locale === 'string' && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(data._locale) ? data._locale : null;
    if (record(req, id, form, locale, keep(form, data))) mail.worker?.kick();

    if (fault?.afterStore && (await playFault(fault, res))) return;
    sendJson(res, 200, success);
  }

  const checkWritable = cachedWritable(store.checkWritable, clock);
  /**
   * 200 with the outbox's backlog and its oldest unsent mail when a row can be written (one write per 5 s at
   * most) and the outbox's bookkeeping is not behind, else 503 (with the reason).
   */
  function health(req: IncomingMessage, res: ServerResponse): void {
    // Backlog, reasons and the last SMTP error (an internal host and port) only for local requests, after TRUST_PROXY.
    const local = /^(127\.|::1$)/.test(client(req));
    let outbox;
    let failure: string | undefined;
    // While the outbox is behind, the last good write says nothing: ask the database again.
    const behind = mail.worker?.trouble();
    try {
      if (behind) store.checkWritable();
      else checkWritable();
      outbox = mail.outbox.stats();
    } catch (error) {
      failure = databaseErrorText(error);
    }
    if (!failure && !behind) return sendJson(res, 200, local ? {ok: true, database: 'writable', outbox} : {ok: true});
    if (!local) return sendJson(res, 503, {ok: false});
    sendJson(res, 503, {
      ok: false,
      database: failure ? 'not writable' : 'writable',
      reason: failure ?? `outbox: ${behind!.reason}`,
      ...(behind && {outboxPausedSince: behind.since, sentUnrecorded: behind.sentUnrecorded}),
      ...(outbox && {outbox}),
    });
  }

  const routes: Record<string, Route> = {
    'GET health': health,
    'POST submit': submit,
    'OPTIONS submit': (req, res) => preflight(req, res, allowed, 'POST'),
    ...consentRoutes({subscriptions, history, now, client}),
  };
  /** POSTs refused before they are read: a foreign browser Origin (403), `text/plain` (415). */
  const guarded = new Set(['submit', 'confirm', 'unsubscribe']);

  /** The route for a request at `path`, or undefined when it is not ours. */
  function route(req: IncomingMessage, path: string): Route | undefined {
    if (!path.startsWith(basePath + '/')) return undefined;
    const name = path.slice(basePath.length + 1);
    const own = routes[`${req.method === 'HEAD' ? 'GET' : req.method} ${name}`]; // HEAD as GET (Node sends no body)
    if (own) return own;
    if (['submit', 'confirm', 'unsubscribe', 'health'].includes(name)) {
      return (_req, res) => sendJson(res, 405, {errors: {_method: 'choice'}}, {Allow: name === 'submit' ? 'POST, OPTIONS' : name === 'health' ? 'GET' : 'GET, POST'});
    }
    if (!controls || !name.startsWith('__test/')) return undefined;
    const test = name.slice('__test/'.length);
    if (req.method === 'OPTIONS' && (controls.routes[`GET ${test}`] || controls.routes[`POST ${test}`])) {
      return (req, res) => preflight(req, res, allowed, 'GET, POST');
    }
    return controls.routes[`${req.method} ${test}`];
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const path = pathOf(req.url);
      // A target no URL parser takes (`//[`, `//[/../api/health`) is answered here, whoever serves other paths.
      if (path === undefined) {
        sendJson(res, 400, {errors: {_path: 'invalid'}}, {Connection: 'close'});
        return true;
      }
      if (team.handle(req, res)) return true;
      const found = route(req, path);
      if (!found) return false;
      const name = path.slice(basePath.length + 1);
      let run: Route = found;
      try {
        cors(req, res, allowed);
        const refusal = req.method === 'POST' && guarded.has(name) ? postRefusal(req, allowed, opts.publicUrl) : undefined;
        if (refusal) run = (_req, res) => sendJson(res, refusal.status, {errors: refusal.errors});
      } catch (error) {
        console.error('receiver:', error);
        sendJson(res, 500, {errors: {_server: 'error'}});
        return true;
      }
      Promise.resolve()
        .then(() => run(req, res))
        .catch((error: unknown) => {
          console.error('receiver:', error);
          sendJson(res, 500, {errors: {_server: 'error'}});
        });
      return true;
    },
    async close(): Promise<void> {
      clearInterval(daily);
      await mail.worker?.stop();
      store.close();
      unlock();
    },
    db: store.db,
  };
}
