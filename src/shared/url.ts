/**
 * An attribute's URL as an absolute `http:` or `https:` URL (a relative one
 * against the page), or undefined for anything else (`javascript:`, `data:`,
 * a broken URL). Used for the contact card's photo, the shared URL and the forms' privacy link.
 */
export function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value, document.baseURI);
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    /* not a URL */
  }
  return undefined;
}
