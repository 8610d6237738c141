/**
 * Sign-in through the organisation's identity provider (OpenID Connect:
 * Keycloak, Entra ID; issue 20), beside the password, when `OIDC_ISSUER`,
 * `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` are set. Authorization code flow
 * with PKCE, `state` and `nonce` (openid-client):
 *
 * - `GET /team/oidc` starts it: the verifier, state and nonce stay in this
 *   process for 10 minutes under a random id; the browser only gets that id in
 *   an HttpOnly cookie (SameSite=Lax, so that it comes back with the provider's
 *   redirect; Path=/team/oidc), which binds the answer to the browser that asked.
 * - `GET /team/oidc/callback` ends it, once per start: the ID token's `email`
 *   (or UserInfo's, when the token has none; with `email_verified` not false)
 *   must be a person added with `user add`,
 *   whose role stays ours. Then the same session as a password sign-in.
 *
 * A second factor of our own (TOTP) is not asked for here: the identity
 * provider does the organisation's multi-factor authentication.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {randomBytes} from 'node:crypto';
import * as oidc from 'openid-client';
import {escapeHtml as e} from '../http.js';
import {isEmail} from '../../../src/shared/rules.js';
import {page, type Lang} from './pages.js';
import {accountKey} from './users.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export const OIDC_START = '/team/oidc';
export const OIDC_CALLBACK = '/team/oidc/callback';
/** How long a started sign-in may take at the identity provider. */
export const FLOW_MS = 10 * 60_000;
const MAX_FLOWS = 10_000;

export const OIDC_TEXTS = {
  de: {
    button: 'Mit dem Konto der Organisation anmelden',
    refusedTitle: 'Anmeldung nicht möglich',
    refused: 'Mit diesem Konto der Organisation ist keine Anmeldung im Arbeitsbereich möglich. Wenn Sie Zugang brauchen, wenden Sie sich bitte an die IT.',
    unavailable: 'Der Anmeldedienst der Organisation ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    back: 'Zurück zur Anmeldung',
    continue: 'Weiter zum Arbeitsbereich',
  },
  en: {
    button: "Sign in with your organisation's account",
    refusedTitle: 'Sign-in not possible',
    refused: "This organisation account cannot sign in to the workspace. If you need access, please ask IT.",
    unavailable: "The organisation's sign-in service cannot be reached right now. Please try again later.",
    back: 'Back to sign-in',
    continue: 'On to the workspace',
  },
} satisfies Record<Lang, Record<string, string>>;

export interface OidcHooks {
  secure: boolean;
  clock: () => number;
  /** The account of an address, if a person was added with `user add`. */
  account: (email: string) => string | undefined;
  /** Ends a session the browser still had and starts a new one; returns its Set-Cookie. */
  startSession: (req: IncomingMessage, email: string) => string;
  audit: (account: string | null, action: string, object: string) => void;
  cookies: (req: IncomingMessage) => Record<string, string>;
  send: (res: ServerResponse, status: number, html: string, headers?: Record<string, string | string[]>) => void;
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  started: number;
}

export function oidcSignIn(settings: OidcSettings, publicUrl: string, hooks: OidcHooks) {
  const redirectUri = publicUrl + OIDC_CALLBACK;
  const flows = new Map<string, Flow>();
  const cookieName = hooks.secure ? '__Secure-kp-team-oidc' : 'kp-team-oidc';
  const flowCookie = (value: string, maxAge: number) =>
    `${cookieName}=${value}; Path=${OIDC_START}; HttpOnly; SameSite=Lax${hooks.secure ? '; Secure' : ''}; Max-Age=${maxAge}`;

  /** The provider's metadata, fetched at the first sign-in and kept; fetched again after a failure. */
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () =>
    (discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: new URL(settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      }));

  function prune(now: number): void {
    for (const [id, flow] of flows) if (now - flow.started > FLOW_MS) flows.delete(id);
    while (flows.size >= MAX_FLOWS) flows.delete(flows.keys().next().value!);
  }

  const unavailable = (res: ServerResponse, lang: Lang, error: unknown) => {
    console.error('receiver: team: identity provider:', (error as Error).message);
    const t = OIDC_TEXTS[lang];
    hooks.send(res, 502, page(lang, t.refusedTitle, `<p>${e(t.unavailable)}</p><p><a href="/team/">${e(t.back)}</a></p>`), {'Set-Cookie': flowCookie('', 0)});
  };

  async function start(res: ServerResponse, lang: Lang): Promise<void> {
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      return unavailable(res, lang, error);
    }
    const now = hooks.clock();
    prune(now);
    const id = randomBytes(32).toString('base64url');
    const flow: Flow = {state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), started: now};
    flows.set(id, flow);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    res.writeHead(303, {Location: url.href, 'Cache-Control': 'no-store', 'Set-Cookie': flowCookie(id, FLOW_MS / 1000)});
    res.end();
  }

  async function callback(req: IncomingMessage, res: ServerResponse, lang: Lang): Promise<void> {
    const t = OIDC_TEXTS[lang];
    const query = new URL(req.url ?? '/', 'http://localhost').search;
    const refuse = (reason: string, account: string | null = null) => {
      hooks.audit(account, 'sign-in.oidc-refused', `${settings.issuer} ${reason}`);
      hooks.send(res, 403, page(lang, t.refusedTitle, `<p>${e(t.refused)}</p><p><a href="/team/">${e(t.back)}</a></p>`), {'Set-Cookie': flowCookie('', 0)});
    };
    const id = hooks.cookies(req)[cookieName];
    const flow = id ? flows.get(id) : undefined;
    if (id) flows.delete(id); // once per start, whatever the answer
    if (!flow || hooks.clock() - flow.started > FLOW_MS) return refuse('no-flow');
    if (new URLSearchParams(query).get('state') !== flow.state) return refuse('state-mismatch');
    const error = new URLSearchParams(query).get('error');
    if (error) return refuse(`provider-error:${error.replace(/[^\w.-]/g, '').slice(0, 40)}`);
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      return unavailable(res, lang, error);
    }
    let claims: {email?: unknown; email_verified?: unknown};
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(redirectUri + query), {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Keycloak and Entra ID put the address into the ID token; a provider that keeps to OpenID Connect's letter gives it at UserInfo (for the same `sub`)
      const source = idToken.email === undefined ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub) : idToken;
      claims = {email: source.email, email_verified: source.email_verified};
    } catch (error) {
      console.error('receiver: team: identity provider refused the code:', (error as Error).message);
      return refuse('token-refused');
    }
    const email = typeof claims.email === 'string' ? accountKey(claims.email) : '';
    if (!email || !isEmail(email)) return refuse('no-email');
    if (claims.email_verified === false) return refuse('email-unverified', email);
    const account = hooks.account(email);
    if (!account) return refuse('unknown-account', email);
    const session = hooks.startSession(req, account);
    hooks.audit(account, 'sign-in.oidc', settings.issuer);
    // A page, not a redirect: after the provider's cross-site redirect, a browser would not send the SameSite=Strict session cookie with a redirect to /team/
    hooks.send(
      res,
      200,
      page(lang, t.continue, `<p><a href="/team/">${e(t.continue)}</a></p>`).replace('<head>', '<head><meta http-equiv="refresh" content="0;url=/team/">'),
      {'Set-Cookie': [session, flowCookie('', 0)]},
    );
  }

  return {
    /** The button on the sign-in page. */
    button: (lang: Lang) => `<p><a class="button" href="${OIDC_START}">${e(OIDC_TEXTS[lang].button)}</a></p>`,
    /** Answers `GET /team/oidc` and `GET /team/oidc/callback`; false for any other path. */
    handle(req: IncomingMessage, res: ServerResponse, path: string, lang: Lang): Promise<void> | false {
      if (path === OIDC_START) return start(res, lang);
      if (path === OIDC_CALLBACK) return callback(req, res, lang);
      return false;
    },
  };
}
