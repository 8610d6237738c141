/**
 * The data subject's rights for one e-mail address: `show` (everything stored
 * about it, right of access) and `erase` (deletes it everywhere, outbox mails
 * included, right to erasure). Addresses compare case-insensitively.
 */
import type {Store, StoredSubmission} from './store.js';
import {outbox} from './mail.js';
import {referenceOf} from './reference.js';

const sameAddress = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

function submissionsOf(store: Store, email: string): StoredSubmission[] {
  return store.submissions().filter((s) => sameAddress(s.data.email, email));
}

export function show(store: Store, email: string) {
  const submissions = submissionsOf(store, email);
  const locales = new Map(submissions.map((s) => [s.id, s.locale]));
  return {
    submissions: submissions.map((s) => ({
      id: s.id,
      reference: referenceOf(s.id),
      form: s.form,
      locale: s.locale,
      createdAt: s.created_at,
      data: s.data,
    })),
    subscriptions: store
      .subscriptions()
      .filter((sub) => sameAddress(sub.email, email))
      .map((sub) => ({
        email: sub.email,
        status: sub.status,
        signedUpAt: sub.confirm_token_created,
        confirmedAt: sub.confirmed_at,
        unsubscribedAt: sub.unsubscribed_at,
        consent: {
          ip: sub.confirmed_ip,
          userAgent: null,
          textVersion: null,
          locale: (sub.submission_id && locales.get(sub.submission_id)) ?? null,
        },
        reference: sub.submission_id && referenceOf(sub.submission_id),
      })),
  };
}

/** Deletes every record about `email` (submissions, subscription, outbox mails); returns how many went. */
export function erase(store: Store, dataDir: string, email: string): number {
  const ids = submissionsOf(store, email).map((s) => s.id);
  const removeSubmission = store.db.prepare('DELETE FROM submissions WHERE id = ?');
  const rows = store.db.transaction(() => {
    let count = store.db.prepare('DELETE FROM newsletter_subscriptions WHERE email = ?').run(email).changes;
    for (const id of ids) count += removeSubmission.run(id).changes;
    return count;
  })();
  const mails = outbox(dataDir);
  const fileIds = new Set(ids.map(mails.fileId));
  const files = mails.removeWhere((mail) => sameAddress(mail.to, email) || fileIds.has(mail.submission));
  return rows + files;
}
