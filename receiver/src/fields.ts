/**
 * What the receiver keeps of a submission: per form an allow-list of fields
 * (the contract's fields plus `EXTRA_FIELDS`, names of hidden inputs a site
 * uses). Every other field is dropped before storing, so it is never stored
 * or exported.
 */
import {INTEREST_FIELDS, NEWSLETTER_FIELDS} from '../../src/shared/rules.js';

export type Form = 'interest' | 'newsletter';

const CONTRACT: Record<Form, readonly string[]> = {
  interest: [...INTEREST_FIELDS, 'consent'],
  newsletter: NEWSLETTER_FIELDS,
};

/** A function that keeps only the allowed fields of a record of `form`. */
export function allowList(extraFields: readonly string[] = []) {
  const allowed = Object.fromEntries(
    (Object.keys(CONTRACT) as Form[]).map((form) => [form, new Set([...CONTRACT[form], ...extraFields])]),
  ) as Record<Form, Set<string>>;
  return (form: Form, data: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(data).filter(([key]) => allowed[form].has(key)));
}
