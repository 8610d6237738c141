/**
 * `GET/POST {base}/confirm` and `GET/POST {base}/unsubscribe`. A GET shows a
 * page and changes nothing (mail scanners open every link); the page's one
 * button POSTs the token back. `POST unsubscribe` with the token in the URL is
 * also RFC 8058's one-click unsubscribe (a mail provider's server, no browser);
 * the withdrawal's record (consent-history.ts) says which of the two it was.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {parseBody, readBody, sendHtml} from './http.js';
import type {Subscriptions} from './subscriptions.js';
import type {ConsentHistory} from './consent-history.js';
import {consentPage, type PageName} from './pages.js';
import {consentVersion, localeOf, localeOfHeader} from './texts.js';

export interface ConsentDeps {
  subscriptions: Subscriptions;
  history: ConsentHistory;
  /** Now, ISO 8601. */
  now: () => string;
  /** The visitor's address (through trusted proxies). */
  client: (req: IncomingMessage) => string;
}

const STATUS: Record<PageName, number> = {
  confirm: 200, confirmed: 200, withdrawn: 200, unsubscribe: 200, unsubscribed: 200, expired: 410, unknown: 404,
};

/** The token from the query (`inUrl`), else from a form or JSON body (`token`). */
async function tokenFrom(req: IncomingMessage): Promise<{token: string; inUrl: boolean}> {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  if (query) return {token: query, inUrl: true};
  if (req.method !== 'POST') return {token: '', inUrl: false};
  const body = await readBody(req, 8192);
  const fields = body && parseBody(req.headers['content-type'], body);
  return {token: typeof fields === 'object' && typeof fields.token === 'string' ? fields.token : '', inUrl: false};
}

const tokenOf = async (req: IncomingMessage) => (await tokenFrom(req)).token;

export function consentRoutes({subscriptions, history, now, client}: ConsentDeps) {
  const show = (req: IncomingMessage, res: ServerResponse, name: PageName, locale: string | null | undefined, token?: string) => {
    const lang = locale ? localeOf(locale) : localeOfHeader(req.headers['accept-language']);
    sendHtml(res, STATUS[name], consentPage(name, lang, token));
  };
  return {
    async 'GET confirm'(req: IncomingMessage, res: ServerResponse) {
      const token = await tokenOf(req);
      const {state, sub} = subscriptions.peekConfirm(token, now());
      show(req, res, state === 'pending' ? 'confirm' : state, sub?.locale, token);
    },
    async 'POST confirm'(req: IncomingMessage, res: ServerResponse) {
      const token = await tokenOf(req);
      const locale = localeOf(subscriptions.peekConfirm(token, now()).sub?.locale);
      const ua = req.headers['user-agent'];
      const proof = {ip: client(req), user_agent: ua ? ua.slice(0, 512) : null, text_version: consentVersion(locale), locale};
      const {state, sub} = subscriptions.confirm(token, proof, now());
      show(req, res, state === 'pending' ? 'confirm' : state, sub?.locale, token);
    },
    async 'GET unsubscribe'(req: IncomingMessage, res: ServerResponse) {
      const token = await tokenOf(req);
      const sub = subscriptions.peekUnsubscribe(token);
      show(req, res, !sub ? 'unknown' : sub.status === 'unsubscribed' ? 'unsubscribed' : 'unsubscribe', sub?.locale, token);
    },
    async 'POST unsubscribe'(req: IncomingMessage, res: ServerResponse) {
      // The page's button posts the token in the body; a POST to the mail's List-Unsubscribe URL carries it in the URL.
      const {token, inUrl} = await tokenFrom(req);
      const sub = history.unsubscribe(token, now(), inUrl ? 'one-click' : 'link');
      show(req, res, sub ? 'unsubscribed' : 'unknown', sub?.locale);
    },
  };
}
