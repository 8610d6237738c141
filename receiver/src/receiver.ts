/**
 * The receiver's request handler: `POST {basePath}/submit` (idempotent per
 * submission id), the double opt-in links `GET {basePath}/confirm` and
 * `GET {basePath}/unsubscribe`, `GET {basePath}/health`, and, for tests only,
 * `{basePath}/__test/…`. It also applies the retention rules at creation and
 * then daily.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type BetterSqlite3 from 'better-sqlite3';
import {randomUUID} from 'node:crypto';
import {validateInterest, validateNewsletter, type Errors} from '../../src/shared/rules.js';
import {clientIp, cors, localUrl, parseBody, preflight, readBody, sendHtml, sendJson, type Fields} from './http.js';
import {openStore} from './store.js';
import {confirmationMail, outbox, sendSmtp, type SmtpOptions} from './mail.js';
import {rateLimiter, type RateLimit} from './rate-limit.js';
import {playFault, testControls, type Fault, type Route} from './test-controls.js';
import {CONFIRMED, UNKNOWN_LINK, UNSUBSCRIBED, WITHDRAWN} from './pages.js';
import {allowList, type Form} from './fields.js';
import {interestClosed, type DeadlineOptions} from './deadline.js';
import {purge} from './retention.js';
import {noteReference} from './log.js';
import {referenceOf} from './reference.js';

export {referenceOf};

export interface ReceiverOptions extends DeadlineOptions {
  /** Where `submissions.sqlite` and `outbox/` live; created if missing. */
  dataDir: string;
  /** startReceiver only: default 8787; 0 picks a free port. */
  port?: number;
  /** startReceiver only: default 127.0.0.1. */
  host?: string;
  /** Default `/api`. */
  basePath?: string;
  /** Origins (exact, e.g. `https://www.example.org`) that get CORS headers. Default none. */
  allowedOrigins?: string[];
  /** The public base URL for links in mails; default the address the request came in on. */
  publicUrl?: string;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  /** Submit requests per client IP; default 30 per minute. */
  rateLimit?: RateLimit;
  /** Enables `{basePath}/__test/…`. Only for tests. */
  testControls?: boolean;
  smtp?: SmtpOptions;
  /** Days an expression of interest is kept; default 365. */
  retainDays?: number;
  /** Field names kept besides the contract's (hidden inputs of a site). */
  extraFields?: string[];
}

export interface Receiver {
  /** Handles the request if its path is one of the receiver's (answering asynchronously); returns whether it did. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Closes the database. */
  close(): void;
  /** The better-sqlite3 database (tables `submissions` and `newsletter_subscriptions`). */
  db: BetterSqlite3.Database;
}

const MAX_KEY = 200;
const DAY = 86_400_000;

function validate(form: unknown, data: Fields): Errors | {_form: 'choice'} {
  if (form === 'newsletter') return validateNewsletter(data);
  if (form === 'interest') return validateInterest(data);
  return {_form: 'choice'};
}

export function createReceiver(opts: ReceiverOptions): Receiver {
  const basePath = (opts.basePath ?? '/api').replace(/\/+$/, '');
  const allowed = opts.allowedOrigins ?? [];
  const maxBody = opts.maxBodyBytes ?? 64 * 1024;
  const store = openStore(opts.dataDir);
  const mails = outbox(opts.dataDir);
  const keep = allowList(opts.extraFields);
  const closed = interestClosed(opts);
  const applyRetention = () => {
    try {
      purge(store, opts.dataDir, opts.retainDays);
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
        outbox: () => mails.list(),
        reset() {
          store.clear();
          mails.clear();
          limiter.clear();
        },
      })
    : undefined;

  function sendConfirmation(req: IncomingMessage, id: string, email: string, token: string): void {
    const base = (opts.publicUrl?.replace(/\/+$/, '') || localUrl(req)) + basePath;
    const query = `?token=${encodeURIComponent(token)}`;
    const raw = confirmationMail(email, `${base}/confirm${query}`, `${base}/unsubscribe${query}`, opts.smtp?.from);
    mails.write(id, raw);
    if (opts.smtp) {
      sendSmtp(opts.smtp, email, raw).catch((error: Error) =>
        console.error(`receiver: confirmation mail for submission ${id} not sent: ${error.message}`),
      );
    }
  }

  async function submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault: Fault | undefined = controls?.nextFault();
    const wait = limiter.hit(clientIp(req));
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
    if (data._form === 'interest' && closed(Date.now()) && !store.has(id)) {
      return sendJson(res, 422, {errors: {_form: 'closed'}});
    }
    const errors = validate(data._form, data);
    if (Object.keys(errors).length) return sendJson(res, 422, {errors});

    const form = data._form as Form;
    const locale = typeof data._locale === 'string' && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(data._locale) ? data._locale : null;
    const record = keep(form, data);
    const email = form === 'newsletter' ? String(data.email) : undefined;
    const {token} = store.add(id, form, locale, record, email);
    if (token && email) sendConfirmation(req, id, email, token);

    if (fault?.afterStore && (await playFault(fault, res))) return;
    sendJson(res, 200, success);
  }

  /** `GET confirm` / `GET unsubscribe`: a small page for the visitor. */
  function link(action: 'confirm' | 'unsubscribe', req: IncomingMessage, res: ServerResponse): void {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const sub = token ? (action === 'confirm' ? store.confirm(token, clientIp(req)) : store.unsubscribe(token)) : undefined;
    if (!sub) return sendHtml(res, 404, UNKNOWN_LINK);
    if (action === 'unsubscribe') return sendHtml(res, 200, UNSUBSCRIBED);
    sendHtml(res, 200, sub.status === 'confirmed' ? CONFIRMED : WITHDRAWN);
  }

  /** 200 with the outbox's backlog when a row can be written, else 503. */
  function health(_req: IncomingMessage, res: ServerResponse): void {
    try {
      store.checkWritable();
    } catch {
      return sendJson(res, 503, {ok: false, database: 'not writable'});
    }
    sendJson(res, 200, {ok: true, database: 'writable', outbox: {backlog: mails.list().length}});
  }

  const routes: Record<string, Route> = {
    'GET health': health,
    'POST submit': submit,
    'OPTIONS submit': (req, res) => preflight(req, res, allowed, 'POST'),
    'GET confirm': (req, res) => link('confirm', req, res),
    'GET unsubscribe': (req, res) => link('unsubscribe', req, res),
  };

  /** The route for a request, or undefined when it is not ours. */
  function route(req: IncomingMessage): Route | undefined {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(basePath + '/')) return undefined;
    const name = path.slice(basePath.length + 1);
    const own = routes[`${req.method} ${name}`];
    if (own) return own;
    if (['submit', 'confirm', 'unsubscribe', 'health'].includes(name)) {
      return (_req, res) => sendJson(res, 405, {errors: {_method: 'choice'}}, {Allow: name === 'submit' ? 'POST, OPTIONS' : 'GET'});
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
      const run = route(req);
      if (!run) return false;
      cors(req, res, allowed);
      Promise.resolve()
        .then(() => run(req, res))
        .catch((error: unknown) => {
          console.error('receiver:', error);
          sendJson(res, 500, {errors: {_server: 'error'}});
        });
      return true;
    },
    close(): void {
      clearInterval(daily);
      store.close();
    },
    db: store.db,
  };
}
