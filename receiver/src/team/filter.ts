/**
 * The list's filters, from the query string (bookmarkable): `q` searches
 * municipality, contact and e-mail (case-insensitive); `status`, `country`,
 * `state`, `partnership`, `region` (the preferred region), `workshop`
 * (`yes`/`no`) pick one value each; `from` and `to` (YYYY-MM-DD, inclusive)
 * bound the day received in Berlin. Values are checked against the form's own
 * lists: one that is not among them makes `readFilter` name it in `invalid`
 * (the list and the export answer 400 then, never a silently wider result).
 * The records are filtered in code, not in SQL. The export uses the same
 * functions, so it holds exactly what the list shows.
 */
import {COUNTRY_CODES} from '../../../src/shared/regions.js';
import {PARTNERSHIPS, PREFERRED_REGIONS, STATE_CODES} from '../../../src/shared/rules.js';
import {isStatus, STATUSES, type Status} from './records.js';
import {berlinDay} from '../berlin-time.js';

export const WORKSHOP = ['yes', 'no'] as const;

/** The filters that pick one of a list, with that list. */
export const CHOICE_FILTERS = {
  status: STATUSES,
  country: COUNTRY_CODES,
  state: STATE_CODES,
  partnership: PARTNERSHIPS,
  region: PREFERRED_REGIONS,
  workshop: WORKSHOP,
} as const;
type ChoiceName = keyof typeof CHOICE_FILTERS;

export interface Filter {
  q: string;
  status: Status | '';
  country: string;
  state: string;
  partnership: string;
  region: string;
  workshop: string;
  from: string;
  to: string;
}

/** The order of the parameters in links. */
const NAMES = ['q', 'status', 'country', 'state', 'partnership', 'region', 'workshop', 'from', 'to'] as const;

/** A real calendar day written YYYY-MM-DD. */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The filter a query string asks for; `invalid` names the parameters whose values are not allowed (left out of `filter`). */
export function readFilter(params: URLSearchParams): {filter: Filter; invalid: string[]} {
  const invalid: string[] = [];
  const pick = (name: ChoiceName): string => {
    const value = (params.get(name) ?? '').trim();
    if (!value || (CHOICE_FILTERS[name] as readonly string[]).includes(value)) return value;
    invalid.push(name);
    return '';
  };
  const day = (name: 'from' | 'to'): string => {
    const value = (params.get(name) ?? '').trim();
    if (!value || isDay(value)) return value;
    invalid.push(name);
    return '';
  };
  const status = pick('status');
  const filter: Filter = {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    status: isStatus(status) ? status : '',
    country: pick('country'),
    state: pick('state'),
    partnership: pick('partnership'),
    region: pick('region'),
    workshop: pick('workshop'),
    from: day('from'),
    to: day('to'),
  };
  if (filter.from && filter.to && filter.from > filter.to) invalid.push('to');
  return {filter, invalid};
}

export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  for (const name of NAMES) if (filter[name]) params.set(name, filter[name]);
  return params.toString();
}

export interface Filterable {
  data: Record<string, unknown>;
  status: Status;
  /** ISO 8601, when it was received. */
  created_at: string;
}

export function matches(filter: Filter, {data, status, created_at}: Filterable): boolean {
  const is = (value: string, key: string) => !value || data[key] === value;
  if (filter.status && status !== filter.status) return false;
  if (
    !is(filter.country, 'country') ||
    !is(filter.state, 'state') ||
    !is(filter.partnership, 'partnership') ||
    !is(filter.region, 'preferredRegion')
  )
    return false;
  if (filter.workshop && (data.workshop === true || data.workshop === 'true') !== (filter.workshop === 'yes'))
    return false;
  if (filter.from || filter.to) {
    const day = berlinDay(created_at);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
  }
  if (!filter.q) return true;
  const needle = filter.q.toLowerCase();
  return ['municipality', 'contactName', 'email'].some((name) =>
    String(data[name] ?? '')
      .toLowerCase()
      .includes(needle),
  );
}
