/**
 * The retention rules (`purge`, also run by `serve` at start and then daily):
 * - newsletter sign-ups never confirmed: the subscription, its token and the
 *   sign-up go `UNCONFIRMED_DAYS` after the sign-up;
 * - unsubscribed addresses go `UNCONFIRMED_DAYS` after the unsubscription,
 *   with their proofs of consent;
 * - newsletter sign-ups that no subscription refers to any more (repeated
 *   sign-ups of a confirmed address) go after `UNCONFIRMED_DAYS`;
 * - expressions of interest go `retainDays` after they arrived;
 * - outbox mails whose submission is gone go with it (sent or not).
 * docs/receiver.md says why.
 */
import type {Store} from './store.js';
import {openSubscriptions} from './subscriptions.js';
import {openOutbox} from './outbox.js';

export const UNCONFIRMED_DAYS = 30;
export const DEFAULT_RETAIN_DAYS = 365;
const DAY = 86_400_000;

export interface Purged {
  interest: number;
  newsletter: number;
  subscriptions: number;
  consents: number;
  outbox: number;
}

export function purge(store: Store, retainDays = DEFAULT_RETAIN_DAYS, now = Date.now()): Purged {
  const before = (days: number) => new Date(now - days * DAY).toISOString();
  const month = before(UNCONFIRMED_DAYS);
  openSubscriptions(store.db); // the tables exist even in a database that never saw a sign-up
  const outbox = openOutbox(store.db);
  return store.db.transaction(() => ({
    subscriptions: store.db
      .prepare(
        `DELETE FROM newsletter_subscriptions
         WHERE (status = 'pending' AND signed_up_at < ?) OR (status = 'unsubscribed' AND unsubscribed_at < ?)`,
      )
      .run(month, month).changes,
    // the proofs go with their subscription (counted with it)
    consents: store.db
      .prepare('DELETE FROM consents WHERE email_key NOT IN (SELECT email_key FROM newsletter_subscriptions WHERE email_key IS NOT NULL)')
      .run().changes,
    newsletter: store.db
      .prepare(
        `DELETE FROM submissions WHERE form = 'newsletter' AND created_at < ?
         AND id NOT IN (SELECT submission_id FROM newsletter_subscriptions WHERE submission_id IS NOT NULL)`,
      )
      .run(month).changes,
    interest: store.db.prepare(`DELETE FROM submissions WHERE form = 'interest' AND created_at < ?`).run(before(retainDays))
      .changes,
    outbox: outbox.removeOrphans(),
  }))();
}
