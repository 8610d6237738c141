/**
 * What a visitor typed survives a reload: one `sessionStorage` entry per form
 * and page (never localStorage, no cookies), deleted once sent.
 * Usage: `const key = draftKey(el); loadDraft(key); saveDraft(key, values); dropDraft(key)`.
 * Storage may be missing or full (private modes): then drafts silently do nothing.
 */
import type {Fields} from './encode.js';

/** `kp-draft:<tag>:<path>:<id, or the element's index among its tag on the page>`. */
export function draftKey(el: Element): string {
  const tag = el.localName;
  return `kp-draft:${tag}:${location.pathname}:${el.id || [...document.querySelectorAll(tag)].indexOf(el)}`;
}

/** Runs `fn` on sessionStorage; undefined when there is none or it throws (full, blocked, bad JSON). */
function store<T>(fn: (s: Storage) => T): T | undefined {
  try {
    return fn(sessionStorage);
  } catch {
    return undefined;
  }
}

export const loadDraft = (key: string): Fields | undefined =>
  store((s) => {
    const value: unknown = JSON.parse(s.getItem(key) ?? 'null');
    return value && typeof value === 'object' ? (value as Fields) : undefined;
  });

export const saveDraft = (key: string, value: Fields): void => store((s) => s.setItem(key, JSON.stringify(value)));

export const dropDraft = (key: string): void => store((s) => s.removeItem(key));
