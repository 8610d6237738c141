/**
 * Where a form may be sent. Usage: `const url = checkAction(el.getAttribute('action'))`;
 * `undefined` means refuse (send nothing, report the attribute).
 *
 * Allowed: an `https:` URL; a same-origin path starting with one `/`
 * (`/api/submit`); `http:` only for `localhost`, `127.0.0.1` and `[::1]`.
 * Refused: everything else (`javascript:`, `data:`, `http://example.org`,
 * relative paths such as `api/submit`, `//host/x`, garbage).
 */
export function checkAction(value: string | null | undefined): string | undefined {
  const v = value?.trim() ?? '';
  if (/^\/(?![/\\])/.test(v)) return v;
  try {
    const url = new URL(v);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))) {
      return url.href;
    }
  } catch {
    /* not a URL: refused below */
  }
  return undefined;
}
