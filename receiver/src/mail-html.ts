/** The frame of every HTML mail: a plain, narrow document that common mail clients show alike. */
import {escapeHtml} from './http.js';

export const LINK_STYLE = 'color:#005a8c';

/** A whole HTML document in `lang` around `body` (markup); `title` is escaped. */
export function htmlMail(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px 16px;background:#ffffff;color:#1a1a1a;font:16px/1.5 Arial,Helvetica,sans-serif">
<div style="max-width:36em">
${body}
</div>
</body>
</html>
`;
}

/** A paragraph of escaped text. */
export const para = (text: string, style = ''): string => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</p>`;

/** A link showing its own address. */
export const urlLink = (url: string): string => `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
