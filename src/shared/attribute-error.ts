/**
 * One clear console message per bad attribute value, never an exception.
 * Each element, attribute and value is reported once, however often it renders.
 */
const reported = new WeakMap<Element, Set<string>>();

export function reportAttributeError(el: Element, attribute: string, value: string | null, why: string): void {
  const key = `${attribute}\u0000${value}`;
  let seen = reported.get(el);
  if (!seen) reported.set(el, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  const shown = value === null ? 'missing' : JSON.stringify(value.length > 200 ? value.slice(0, 200) + '…' : value);
  console.error(`<${el.localName}>: attribute "${attribute}" ${shown}: ${why}`, el);
}
