/**
 * `/team/security`: a signed-in person sets up, renews or turns off the
 * second factor (totp.ts). Setting up shows the secret as a QR code (inline
 * SVG made on the server), as text and as an `otpauth://` URI; it is on only
 * after a current code; then the recovery
 * codes are shown once. With TEAM_REQUIRE_TOTP it cannot be turned off here
 * (an administrator resets it with `user totp-reset`). Wrong codes count
 * against the account's sign-in throttle.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type Database from 'better-sqlite3';
import encodeQR from 'qr';
import {escapeHtml as e} from '../http.js';
import {audit} from './audit.js';
import {header, page, type Lang, type Texts} from './pages.js';
import type {Session} from './sessions.js';
import {groupedSecret, type SecondFactor} from './totp.js';

export const SECURITY_TEXTS = {
  de: {
    heading: 'Zweiter Faktor',
    required: 'Für diesen Arbeitsbereich ist ein zweiter Faktor vorgeschrieben. Bitte richten Sie ihn jetzt ein; vorher ist nichts anderes erreichbar.',
    off: 'Ihr Konto ist bisher nur mit dem Passwort geschützt. Mit einem zweiten Faktor braucht die Anmeldung zusätzlich einen Code aus einer Authenticator-App auf Ihrem Telefon.',
    step1: 'Öffnen Sie eine Authenticator-App (zum Beispiel Aegis, FreeOTP, Google oder Microsoft Authenticator) und fügen Sie ein Konto hinzu.',
    step2Qr: 'Scannen Sie mit der App diesen QR-Code:',
    qr: 'QR-Code zum Einrichten der Authenticator-App',
    step2: 'Oder geben Sie den Schlüssel von Hand ein (zeitbasiert, 6 Ziffern, 30 Sekunden):',
    step2Uri: 'Oder übernehmen Sie die Einrichtungsadresse:',
    step3: 'Geben Sie den sechsstelligen Code ein, den die App jetzt zeigt.',
    code: 'Code aus der App',
    enable: 'Zweiten Faktor einschalten',
    wrongCode: 'Der Code stimmt nicht oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus der App ein.',
    enabled: 'Der zweite Faktor ist eingeschaltet.',
    onSince: (at: string) => `Der zweite Faktor ist eingeschaltet (seit ${at} UTC).`,
    left: (n: number) => `Noch ${n} ungenutzte ${n === 1 ? 'Wiederherstellungscode' : 'Wiederherstellungscodes'}.`,
    codesIntro:
      'Ihre Wiederherstellungscodes. Jeder gilt einmal, anstelle des Codes aus der App, falls Sie Ihr Telefon nicht zur Hand haben. Sie werden nur jetzt gezeigt: Bitte drucken Sie sie aus oder legen Sie sie in Ihrem Passwortmanager ab.',
    codesHeading: 'Wiederherstellungscodes',
    continue: 'Weiter zum Arbeitsbereich',
    codeOrRecovery: 'Code aus der App oder ein Wiederherstellungscode',
    renewHeading: 'Neue Wiederherstellungscodes',
    renewHint: 'Die bisherigen Codes gelten danach nicht mehr.',
    renew: 'Neue Codes erzeugen',
    disableHeading: 'Zweiten Faktor ausschalten',
    disable: 'Ausschalten',
    disabled: 'Der zweite Faktor ist ausgeschaltet.',
    cannotDisable: 'Der zweite Faktor ist hier vorgeschrieben und kann nicht ausgeschaltet werden. Bei verlorenem Telefon ohne Wiederherstellungscode setzt die IT ihn zurück.',
  },
  en: {
    heading: 'Second factor',
    required: 'A second factor is required for this workspace. Please set it up now; nothing else can be reached before.',
    off: 'So far your account is protected by its password only. With a second factor, signing in also needs a code from an authenticator app on your phone.',
    step1: 'Open an authenticator app (for example Aegis, FreeOTP, Google or Microsoft Authenticator) and add an account.',
    step2Qr: 'Scan this QR code with the app:',
    qr: 'QR code for setting up the authenticator app',
    step2: 'Or enter the key by hand (time-based, 6 digits, 30 seconds):',
    step2Uri: 'Or use the setup address:',
    step3: 'Enter the six-digit code the app shows now.',
    code: 'Code from the app',
    enable: 'Turn on the second factor',
    wrongCode: 'The code is not right or was used already. Please enter the current code from the app.',
    enabled: 'The second factor is on.',
    onSince: (at: string) => `The second factor is on (since ${at} UTC).`,
    left: (n: number) => `${n} unused recovery ${n === 1 ? 'code' : 'codes'} left.`,
    codesIntro:
      'Your recovery codes. Each works once, instead of the code from the app, when you do not have your phone at hand. They are shown only now: please print them or keep them in your password manager.',
    codesHeading: 'Recovery codes',
    continue: 'On to the workspace',
    codeOrRecovery: 'Code from the app or a recovery code',
    renewHeading: 'New recovery codes',
    renewHint: 'The codes you had stop working.',
    renew: 'Make new codes',
    disableHeading: 'Turn off the second factor',
    disable: 'Turn off',
    disabled: 'The second factor is off.',
    cannotDisable: 'The second factor is required here and cannot be turned off. If your phone is lost and you have no recovery code, IT resets it.',
  },
};

export interface SecurityOptions {
  db: Database.Database;
  factor: SecondFactor;
  clock: () => number;
  requireTotp: boolean;
  /** The issuer an authenticator app shows for the account. */
  issuer: string;
  send: (res: ServerResponse, status: number, html: string, headers?: Record<string, string>) => void;
  redirect: (res: ServerResponse, location: string) => void;
  /** The account's sign-in throttle, which wrong codes count against too. */
  throttle: {blocked(key: string, now: number): boolean; fail(key: string, now: number): void};
  /** Ends the account's other sessions, keeping the one of this request. */
  endOthers: (req: IncomingMessage, email: string) => void;
}

/** The URI as a QR code: inline SVG (no request, no script), on white with a quiet zone of four modules. */
const qrCode = (uri: string, label: string) =>
  encodeQR(uri, 'svg', {border: 4}).replace(/^<svg /, `<svg role="img" aria-label="${e(label)}" width="196" height="196" `).replace(/^(<svg[^>]*>)/, '$1<rect width="100%" height="100%" fill="#fff"/>');

/** The code field of each form on the page. */
const FIELD: Record<string, string> = {enable: 'code', 'recovery-codes': 'renew-code', disable: 'disable-code'};

/** A wrong code in one of the forms. */
interface Problem {
  action: string;
  message: string;
}

const ALERT = (text: string) => `<div class="error" role="alert"><p>${e(text)}</p></div>`;

export function securityPage({db, factor, clock, requireTotp, issuer, send, redirect, throttle, endOthers}: SecurityOptions) {
  const now = () => new Date(clock());

  /** A form with one code field; with `error`, the field is marked invalid and described by the message. */
  const codeForm = (s: Session, action: string, label: string, button: string, error?: Problem) => {
    const id = FIELD[action];
    const invalid = error?.action === action;
    return (
      `<form method="post" action="/team/security/${action}"><input type="hidden" name="csrf" value="${e(s.csrf)}">` +
      `<label for="${id}">${e(label)}</label>` +
      (invalid ? `<p id="${id}-error" class="error-text">${e(error.message)}</p>` : '') +
      `<input id="${id}" name="code" type="text" inputmode="${action === 'enable' ? 'numeric' : 'text'}" autocomplete="one-time-code" spellcheck="false" required${invalid ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>` +
      `<p><button type="submit">${e(button)}</button></p></form>`
    );
  };

  function setup(s: Session, st: (typeof SECURITY_TEXTS)['de'], error?: Problem): string {
    const secret = factor.pending(s.email);
    if (!secret) return '';
    const uri = factor.uri(s.email, secret, issuer);
    return (
      `<p>${e(requireTotp ? st.required : st.off)}</p><ol>` +
      `<li>${e(st.step1)}</li>` +
      `<li>${e(st.step2Qr)}<br>${qrCode(uri, st.qr)}<br>${e(st.step2)} <code id="secret">${e(groupedSecret(secret))}</code><br>${e(st.step2Uri)} <a href="${e(uri)}"><code id="otpauth">${e(uri)}</code></a></li>` +
      `<li>${e(st.step3)}</li></ol>` +
      codeForm(s, 'enable', st.code, st.enable, error)
    );
  }

  function status(s: Session, st: (typeof SECURITY_TEXTS)['de'], error?: Problem): string {
    const since = (factor.enabledAt(s.email) ?? '').slice(0, 16).replace('T', ' ');
    return (
      `<p>${e(st.onSince(since))} ${e(st.left(factor.recoveryLeft(s.email)))}</p>` +
      `<h2>${e(st.renewHeading)}</h2><p>${e(st.renewHint)}</p>` +
      codeForm(s, 'recovery-codes', st.codeOrRecovery, st.renew, error) +
      `<h2>${e(st.disableHeading)}</h2>` +
      (requireTotp ? `<p>${e(st.cannotDisable)}</p>` : codeForm(s, 'disable', st.codeOrRecovery, st.disable, error))
    );
  }

  const body = (s: Session, st: (typeof SECURITY_TEXTS)['de'], error?: Problem) => (factor.enabled(s.email) ? status(s, st, error) : setup(s, st, error));

  const codesShown = (st: (typeof SECURITY_TEXTS)['de'], message: string, codes: string[]) =>
    `<p role="status">${e(message)}</p><h2>${e(st.codesHeading)}</h2><p>${e(st.codesIntro)}</p>` +
    `<ul id="recovery-codes">${codes.map((code) => `<li><code>${e(code)}</code></li>`).join('')}</ul>` +
    `<p><a href="/team/">${e(st.continue)}</a></p>`;

  return {
    show(res: ServerResponse, t: Texts, lang: Lang, s: Session): void {
      const st = SECURITY_TEXTS[lang];
      send(res, 200, page(lang, st.heading, body(s, st), header(t, s.email, s.csrf)));
    },

    /** `POST /team/security/enable|disable|recovery-codes` (session, Origin and CSRF already checked). */
    change(req: IncomingMessage, res: ServerResponse, t: Texts, lang: Lang, s: Session, action: string, fields: URLSearchParams): void {
      const st = SECURITY_TEXTS[lang];
      const at = clock();
      const again = (status: number, message: string) =>
        send(res, status, page(lang, st.heading, ALERT(message) + body(s, st), header(t, s.email, s.csrf)));
      const summary = (message: string) =>
        `<div class="error" role="alert"><h2>${e(t.errorSummary)}</h2><ul><li><a href="#${FIELD[action]}">${e(message)}</a></li></ul></div>`;
      if (!Object.hasOwn(FIELD, action)) return send(res, 404, page(lang, t.notFound, '', header(t, s.email, s.csrf)));
      if (action === 'disable' && requireTotp) return again(403, st.cannotDisable);
      if (throttle.blocked(s.email, at)) {
        audit(db, now(), s.email, 'totp.throttled');
        return again(429, t.throttled);
      }
      const code = (fields.get('code') ?? '').trim();
      const wrong = () => {
        throttle.fail(s.email, at);
        audit(db, now(), s.email, 'totp.failed', action);
        send(res, 422, page(lang, st.heading, summary(st.wrongCode) + body(s, st, {action, message: st.wrongCode}), header(t, s.email, s.csrf)));
      };

      if (action === 'enable') {
        if (factor.enabled(s.email)) return redirect(res, '/team/security'); // the form sent twice
        const codes = factor.enable(s.email, code, at);
        if (!codes) return wrong();
        endOthers(req, s.email);
        audit(db, now(), s.email, 'totp.enable');
        return send(res, 200, page(lang, st.heading, codesShown(st, st.enabled, codes), header(t, s.email, s.csrf)));
      }
      if (!factor.enabled(s.email)) return redirect(res, '/team/security');
      const used = factor.check(s.email, code, at);
      if (!used) return wrong();
      if (used === 'recovery') audit(db, now(), s.email, 'totp.recovery-code', `${factor.recoveryLeft(s.email)} left`);
      if (action === 'recovery-codes') {
        const codes = factor.renewRecoveryCodes(s.email);
        audit(db, now(), s.email, 'totp.recovery-codes');
        return send(res, 200, page(lang, st.heading, codesShown(st, st.left(codes.length), codes), header(t, s.email, s.csrf)));
      }
      factor.remove(s.email);
      endOthers(req, s.email);
      audit(db, now(), s.email, 'totp.disable');
      send(res, 200, page(lang, st.heading, `<p role="status">${e(st.disabled)}</p>` + body(s, st), header(t, s.email, s.csrf)));
    },
  };
}
