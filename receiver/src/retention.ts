/**
 * The retention rules (`purge`, also run by `serve` at start and then daily):
 * - newsletter sign-ups never confirmed: the subscription, its token and the
 *   sign-up go `UNCONFIRMED_DAYS` after the sign-up;
 * - unsubscribed addresses go `UNCONFIRMED_DAYS` after the unsubscription;
 * - an address's consent history (its proofs of confirmation and withdrawal,
 *   consent-history.ts) goes `consentProofDays` after its newest entry unless
 *   the address is subscribed now, whatever happened to its subscription row;
 * - newsletter sign-ups that no subscription refers to any more (repeated
 *   sign-ups of a confirmed address) go after `UNCONFIRMED_DAYS`;
 * - expressions of interest go `retainDays` after they arrived;
 * - outbox mails whose submission is gone go with it (sent or not);
 * - the workspace's audit entries go `auditRetainDays` after they were written.
 * docs/receiver.md says why.
 */
import type {Store} from './store.js';
import {openSubscriptions} from './subscriptions.js';
import {DEFAULT_CONSENT_PROOF_DAYS, openConsentHistory} from './consent-history.js';
import {openOutbox} from './outbox.js';
import {DEFAULT_AUDIT_RETAIN_DAYS, purgeAudit} from './team/audit.js';

export const UNCONFIRMED_DAYS = 30;
export const DEFAULT_RETAIN_DAYS = 365;
const DAY = 86_400_000;

export interface Purged {
  interest: number;
  newsletter: number;
  subscriptions: number;
  consents: number;
  outbox: number;
  audit: number;
}

export interface Retention {
  /** Days an expression of interest is kept (`RETAIN_DAYS`). */
  retainDays?: number;
  /** Days a consent history is kept after its newest entry (`CONSENT_PROOF_DAYS`). */
  consentProofDays?: number;
  /** Days an audit entry of the team's workspace is kept (`AUDIT_RETAIN_DAYS`). */
  auditRetainDays?: number;
}

export function purge(
  store: Store,
  {retainDays = DEFAULT_RETAIN_DAYS, consentProofDays = DEFAULT_CONSENT_PROOF_DAYS, auditRetainDays = DEFAULT_AUDIT_RETAIN_DAYS}: Retention = {},
  now = Date.now(),
): Purged {
  const before = (days: number) => new Date(now - days * DAY).toISOString();
  const month = before(UNCONFIRMED_DAYS);
  // the tables exist even in a database that never saw a sign-up
  const history = openConsentHistory(store.db, openSubscriptions(store.db));
  const outbox = openOutbox(store.db);
  return store.db.transaction(() => ({
    subscriptions: store.db
      .prepare(
        `DELETE FROM newsletter_subscriptions
         WHERE (status = 'pending' AND signed_up_at < ?) OR (status = 'unsubscribed' AND unsubscribed_at < ?)`,
      )
      .run(month, month).changes,
    consents: history.purge(before(consentProofDays)),
    newsletter: store.db
      .prepare(
        `DELETE FROM submissions WHERE form = 'newsletter' AND created_at < ?
         AND id NOT IN (SELECT submission_id FROM newsletter_subscriptions WHERE submission_id IS NOT NULL)`,
      )
      .run(month).changes,
    interest: store.db.prepare(`DELETE FROM submissions WHERE form = 'interest' AND created_at < ?`).run(before(retainDays))
      .changes,
    outbox: outbox.removeOrphans(),
    audit: purgeAudit(store.db, before(auditRetainDays)),
  }))();
}
