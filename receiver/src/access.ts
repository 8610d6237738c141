/**
 * The data subject's rights for one e-mail address: `show` (everything stored
 * about it, right of access) and `erase` (deletes it everywhere, outbox mails
 * included, right to erasure). Addresses compare by their key (addresses.ts
 * `addressKey`): any spelling of an address finds every record of all of them.
 */
import type {Store, StoredSubmission} from './store.js';
import {referenceOf} from './reference.js';
import {openSubscriptions, type Subscription} from './subscriptions.js';
import {openConsentHistory, type HistoryEntry} from './consent-history.js';
import {openOutbox} from './outbox.js';
import {addressKey} from './addresses.js';

function submissionsOf(store: Store, email: string): StoredSubmission[] {
  const key = addressKey(email);
  return store.submissions().filter((s) => typeof s.data.email === 'string' && addressKey(s.data.email) === key);
}

/**
 * The address's newsletter record: its subscription with the proof of the latest confirmation as `consent`
 * (null while pending), the confirmations as `consents` and every confirmation and withdrawal as
 * `consentHistory`. After the subscription row has gone (30 days after unsubscribing) its history stays for
 * CONSENT_PROOF_DAYS: then the record is built from the history alone, as `unsubscribed`.
 */
function newsletterOf(sub: Subscription | undefined, consentHistory: HistoryEntry[], email: string) {
  if (!sub && !consentHistory.length) return [];
  const confirmations = consentHistory.filter((h) => h.event === 'confirmed');
  const consents = confirmations.map(({at, ip, userAgent, textVersion, locale}) => ({confirmedAt: at, ip, userAgent, textVersion, locale}));
  const latest = consents.at(-1);
  const proof = latest && sub?.status !== 'pending' ? {ip: latest.ip, userAgent: latest.userAgent, textVersion: latest.textVersion, locale: latest.locale} : null;
  return [{
    email: sub?.email ?? email,
    status: sub?.status ?? 'unsubscribed',
    signedUpAt: sub?.signed_up_at ?? null,
    confirmedAt: sub ? sub.confirmed_at : (latest?.confirmedAt ?? null),
    unsubscribedAt: sub ? sub.unsubscribed_at : (consentHistory.findLast((h) => h.event === 'withdrawn')?.at ?? null),
    locale: sub?.locale ?? null,
    consent: proof,
    consents,
    consentHistory,
    reference: sub?.submission_id ? referenceOf(sub.submission_id) : null,
  }];
}

export function show(store: Store, email: string) {
  const submissions = submissionsOf(store, email);
  const subscriptions = openSubscriptions(store.db);
  const history = openConsentHistory(store.db, subscriptions);
  return {
    submissions: submissions.map((s) => ({
      id: s.id,
      reference: referenceOf(s.id),
      form: s.form,
      locale: s.locale,
      createdAt: s.created_at,
      data: s.data,
    })),
    subscriptions: newsletterOf(subscriptions.byEmail(email), history.of(email), email),
    outbox: openOutbox(store.db)
      .forRecipient(email)
      .map((m) => ({kind: m.kind, createdAt: m.created_at, sentAt: m.sent_at, reference: m.submission_id && referenceOf(m.submission_id)})),
  };
}

/** Deletes every record about `email` (submissions, subscription, consent history, outbox mails); returns how many went. */
export function erase(store: Store, email: string): number {
  const ids = submissionsOf(store, email).map((s) => s.id);
  const removeSubmission = store.db.prepare('DELETE FROM submissions WHERE id = ?');
  const removeMails = store.db.prepare('DELETE FROM outbox WHERE submission_id = ?');
  const history = openConsentHistory(store.db, openSubscriptions(store.db)); // the tables exist even in a database that never saw a sign-up
  const outbox = openOutbox(store.db);
  return store.db.transaction(() => {
    let count = store.db.prepare('DELETE FROM newsletter_subscriptions WHERE email_key = ?').run(addressKey(email)).changes;
    count += history.erase(email); // the consent history too: it is the person's data (Art. 17 GDPR), docs/receiver.md
    count += outbox.removeRecipient(email);
    for (const id of ids) count += removeSubmission.run(id).changes + removeMails.run(id).changes;
    return count;
  })();
}
