/**
 * The pages behind the links in the mail, in the visitor's language. A GET
 * only shows a page; where something can be done, the page has one button
 * that POSTs to the same path (so mail scanners that open links change
 * nothing). Self-contained: no script, no request to anything else.
 */
import {escapeHtml} from './http.js';
import {texts, type Locale, type Texts} from './texts.js';

const STYLE =
  'body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}' +
  'button{font:inherit;font-weight:700;padding:.6em 1.2em;border:0;border-radius:4px;background:#005a8c;color:#fff;cursor:pointer}' +
  'button:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}';

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

const para = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** A page with a form of one button that POSTs `token` to `action` (a path relative to the page). */
function buttonPage(locale: Locale, title: string, question: string, button: string, action: string, token: string): string {
  return page(
    locale,
    title,
    `<form method="post" action="${action}">
<p>${escapeHtml(question)}</p>
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>`,
  );
}

export type PageName = 'confirm' | 'confirmed' | 'expired' | 'withdrawn' | 'unknown' | 'unsubscribe' | 'unsubscribed';

/** The page `name` in `locale`; the two button pages need the token. */
export function consentPage(name: PageName, locale: Locale, token = ''): string {
  const t: Texts = texts(locale);
  switch (name) {
    case 'confirm':
      return buttonPage(locale, t.confirmTitle, t.consent, t.confirmButton, 'confirm', token);
    case 'unsubscribe':
      return buttonPage(locale, t.unsubscribeTitle, t.unsubscribeQuestion, t.unsubscribeButton, 'unsubscribe', token);
    case 'confirmed':
      return page(locale, t.confirmedTitle, para(t.confirmedText));
    case 'expired':
      return page(locale, t.expiredTitle, para(t.expiredText));
    case 'withdrawn':
      return page(locale, t.withdrawnTitle, para(t.withdrawnText));
    case 'unknown':
      return page(locale, t.unknownTitle, para(t.unknownText));
    case 'unsubscribed':
      return page(locale, t.unsubscribedTitle, para(t.unsubscribedText));
  }
}
