/**
 * The retention rules (`purge`, also run by `serve` at start and then daily):
 * - newsletter sign-ups never confirmed: the subscription, its token and the
 *   sign-up go `UNCONFIRMED_DAYS` after the sign-up;
 * - unsubscribed addresses go `UNCONFIRMED_DAYS` after the unsubscription;
 * - newsletter sign-ups that no subscription refers to any more (repeated
 *   sign-ups of a confirmed address) go after `UNCONFIRMED_DAYS`;
 * - expressions of interest go `retainDays` after they arrived;
 * - outbox mails whose submission is gone go with it.
 * docs/receiver.md says why.
 */
import type {Store} from './store.js';
import {outbox} from './mail.js';

export const UNCONFIRMED_DAYS = 30;
export const DEFAULT_RETAIN_DAYS = 365;
const DAY = 86_400_000;

export interface Purged {
  interest: number;
  newsletter: number;
  subscriptions: number;
  outbox: number;
}

export function purge(store: Store, dataDir: string, retainDays = DEFAULT_RETAIN_DAYS, now = Date.now()): Purged {
  const before = (days: number) => new Date(now - days * DAY).toISOString();
  const month = before(UNCONFIRMED_DAYS);
  const purged = store.db.transaction(() => ({
    subscriptions:
      store.db
        .prepare(
          `DELETE FROM newsletter_subscriptions
           WHERE (status = 'pending' AND confirm_token_created < ?) OR (status = 'unsubscribed' AND unsubscribed_at < ?)`,
        )
        .run(month, month).changes,
    newsletter: store.db
      .prepare(
        `DELETE FROM submissions WHERE form = 'newsletter' AND created_at < ?
         AND id NOT IN (SELECT submission_id FROM newsletter_subscriptions WHERE submission_id IS NOT NULL)`,
      )
      .run(month).changes,
    interest: store.db.prepare(`DELETE FROM submissions WHERE form = 'interest' AND created_at < ?`).run(before(retainDays))
      .changes,
  }))();
  const mails = outbox(dataDir);
  const kept = new Set(store.submissions().map((s) => mails.fileId(s.id)));
  const removed = mails.removeWhere((mail) => !kept.has(mail.submission));
  return {...purged, outbox: removed};
}
