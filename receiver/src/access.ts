/**
 * The data subject's rights for one e-mail address: `show` (everything stored
 * about it, right of access) and `erase` (deletes it everywhere, outbox mails
 * included, right to erasure). Addresses compare by their key (addresses.ts
 * `addressKey`): any spelling of an address finds every record of all of them.
 */
import type {Store, StoredSubmission} from './store.js';
import {referenceOf} from './reference.js';
import {openSubscriptions} from './subscriptions.js';
import {openOutbox} from './outbox.js';
import {addressKey} from './addresses.js';

function submissionsOf(store: Store, email: string): StoredSubmission[] {
  const key = addressKey(email);
  return store.submissions().filter((s) => typeof s.data.email === 'string' && addressKey(s.data.email) === key);
}

export function show(store: Store, email: string) {
  const submissions = submissionsOf(store, email);
  const subscriptions = openSubscriptions(store.db);
  return {
    submissions: submissions.map((s) => ({
      id: s.id,
      reference: referenceOf(s.id),
      form: s.form,
      locale: s.locale,
      createdAt: s.created_at,
      data: s.data,
    })),
    subscriptions: [subscriptions.byEmail(email)].filter((sub) => sub !== undefined).map((sub) => {
      // every confirmation's proof, the latest as `consent`
      const consents = subscriptions.consents(sub.email).map((c) => ({
        confirmedAt: c.confirmed_at,
        ip: c.ip,
        userAgent: c.user_agent,
        textVersion: c.text_version,
        locale: c.locale,
      }));
      const latest = consents.at(-1);
      return {
        email: sub.email,
        status: sub.status,
        signedUpAt: sub.signed_up_at,
        confirmedAt: sub.confirmed_at,
        unsubscribedAt: sub.unsubscribed_at,
        locale: sub.locale,
        consent: latest ? {ip: latest.ip, userAgent: latest.userAgent, textVersion: latest.textVersion, locale: latest.locale} : null,
        consents,
        reference: sub.submission_id && referenceOf(sub.submission_id),
      };
    }),
    outbox: openOutbox(store.db)
      .forRecipient(email)
      .map((m) => ({kind: m.kind, createdAt: m.created_at, sentAt: m.sent_at, reference: m.submission_id && referenceOf(m.submission_id)})),
  };
}

/** Deletes every record about `email` (submissions, subscription, proofs of consent, outbox mails); returns how many went. */
export function erase(store: Store, email: string): number {
  const ids = submissionsOf(store, email).map((s) => s.id);
  const removeSubmission = store.db.prepare('DELETE FROM submissions WHERE id = ?');
  const removeMails = store.db.prepare('DELETE FROM outbox WHERE submission_id = ?');
  openSubscriptions(store.db); // the tables exist even in a database that never saw a sign-up
  const outbox = openOutbox(store.db);
  return store.db.transaction(() => {
    const key = addressKey(email);
    let count = store.db.prepare('DELETE FROM newsletter_subscriptions WHERE email_key = ?').run(key).changes;
    count += store.db.prepare('DELETE FROM consents WHERE email_key = ?').run(key).changes;
    count += outbox.removeRecipient(email);
    for (const id of ids) count += removeSubmission.run(id).changes + removeMails.run(id).changes;
    return count;
  })();
}
