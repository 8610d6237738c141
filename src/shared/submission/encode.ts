/**
 * The request body of one submission. Usage: `fetch(url, {body: encode(data, mode)})`.
 * `json`: a JSON object; `form` and `no-cors`: URLSearchParams (the browser sets
 * `application/x-www-form-urlencoded`), arrays as repeated keys, `null`/`undefined` left out.
 */
export type Fields = Record<string, unknown>;
export type Mode = 'json' | 'form' | 'no-cors';

export function encode(data: Fields, mode: Mode): string | URLSearchParams {
  if (mode === 'json') return JSON.stringify(data);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(data)) {
    for (const item of [value].flat()) if (item !== null && item !== undefined) params.append(key, String(item));
  }
  return params;
}
