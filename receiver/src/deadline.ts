/**
 * The interest form's closing time on the receiver's side: `INTEREST_DEADLINE`
 * read exactly as the widget reads its `deadline` (src/shared/time.ts), plus a
 * grace period. The receiver cannot tell a retry from a new try (a submission
 * id carries no time), so the grace period lets every new submission in for
 * that long after the deadline; the widget itself stops offering the form at
 * the deadline, so what arrives then is a retry of a try started before it.
 */
import {DEFAULT_TIME_ZONE, parseDeadline} from '../../src/shared/time.js';

export interface DeadlineOptions {
  interestDeadline?: string;
  interestTimeZone?: string;
  /** Default 15. */
  graceMinutes?: number;
}

/** Whether a new expression of interest is refused at `now` (ms). Throws on a deadline it cannot read. */
export function interestClosed(opts: DeadlineOptions): (now: number) => boolean {
  if (!opts.interestDeadline) return () => false;
  const instant = parseDeadline(opts.interestDeadline, opts.interestTimeZone ?? DEFAULT_TIME_ZONE);
  if (instant === undefined) throw new Error(`interest deadline "${opts.interestDeadline}" cannot be read`);
  const closesAt = instant + (opts.graceMinutes ?? 15) * 60_000;
  return (now) => now >= closesAt;
}
