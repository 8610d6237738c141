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

export function loadDraft(key: string): Fields | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    return value && typeof value == 'object' ? (value as Fields) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, value: Fields): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* no storage: no draft */
  }
}

export function dropDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* no storage */
  }
}
