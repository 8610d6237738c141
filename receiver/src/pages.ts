/** The small self-contained HTML pages shown by the confirm and unsubscribe links. */
import {escapeHtml} from './http.js';

export function page(title: string, ...paragraphs: string[]): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${t}</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}</style></head>
<body><h1>${t}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</body>
</html>
`;
}

export const CONFIRMED = page(
  'Anmeldung bestätigt',
  'Vielen Dank! Ihre Anmeldung zum Newsletter ist bestätigt.',
  'Thank you! Your newsletter subscription is confirmed.',
);
export const UNSUBSCRIBED = page(
  'Abmeldung bestätigt',
  'Sie erhalten den Newsletter nicht mehr.',
  'You have been unsubscribed from the newsletter.',
);
export const WITHDRAWN = page(
  'Anmeldung zurückgezogen',
  'Diese Anmeldung wurde abgemeldet. Bitte melden Sie sich erneut an, wenn Sie den Newsletter erhalten möchten.',
  'This subscription was cancelled. Please sign up again if you want to receive the newsletter.',
);
export const UNKNOWN_LINK = page(
  'Link ungültig',
  'Dieser Link ist ungültig oder veraltet.',
  'This link is invalid or out of date.',
);
