/**
 * The networks `<kp-share>` links to, keyed by the name shown (`networks`
 * takes them in lower case), each with its documented share URL (after
 * `https://`). `$t` stands for title and URL as one text, `$T` for the title,
 * `$u` for the URL (each percent-encoded), and `$i` for the visitor's
 * Mastodon server.
 */
export const NETWORKS: Record<string, string> = {
  LinkedIn: 'www.linkedin.com/sharing/share-offsite/?url=$u',
  Mastodon: '$i/share?text=$t',
  Bluesky: 'bsky.app/intent/compose?text=$t',
  Facebook: 'www.facebook.com/sharer/sharer.php?u=$u',
  WhatsApp: 'wa.me/?text=$t',
  Threema: 'threema.id/compose?text=$t',
  X: 'x.com/intent/post?text=$T&url=$u',
};

/**
 * Icons (stroked paths on a 16 × 16 grid, drawn in the text colour): share
 * sheet, copy, e-mail, and for every network the same "opens elsewhere" box
 * with an arrow. Not the networks' logos: their brand rules allow only the
 * official artwork unchanged, which would cost more bytes than this whole
 * element; the visible name says which network it is.
 */
export const [NATIVE, COPY, EMAIL, AWAY] = [
  'M8 10V1M5 4l3-3 3 3M3 8v7h10V8',
  'M6 6h8v8H6zM3 10H2V2h8v1',
  'M1 3h14v10H1zl7 6 7-6',
  'M7 3H2v11h11V9M9 2h5v5m0-5L7 9',
];

/** A share link: the pattern's placeholders filled, each value percent-encoded. */
export function shareUrl(pattern: string, title: string, url: string, server = ''): string {
  const values: Record<string, string> = {t: `${title} ${url}`, T: title, u: url};
  return 'https://' + pattern.replace(/\$(.)/g, (_, k: string) => (k === 'i' ? server : encodeURIComponent(values[k])));
}

/**
 * A Mastodon server's host name from what a visitor types: `mastodon.social`,
 * `https://mastodon.social/`, or an address `@name@mastodon.social`; undefined
 * for anything else (internationalized names as written in Punycode, `xn--…`).
 */
export function mastodonHost(input: string): string | undefined {
  const host = input.trim().replace(/^(https?:\/\/)?(@?\w+@)?|\/$/gi, '');
  return /^[a-z\d-]+(\.[a-z\d-]+)+$/i.test(host) ? host : undefined;
}
