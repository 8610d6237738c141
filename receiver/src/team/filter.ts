/**
 * The list's filters, from the query string (bookmarkable): `q` searches
 * municipality, contact and e-mail (case-insensitive), `status` one status.
 * The export uses the same function, so it holds exactly what the list shows.
 */
import {isStatus, type Status} from './records.js';

export interface Filter {
  q: string;
  status: Status | '';
}

export function readFilter(params: URLSearchParams): Filter {
  const status = params.get('status') ?? '';
  return {q: (params.get('q') ?? '').trim().slice(0, 200), status: isStatus(status) ? status : ''};
}

export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  return params.toString();
}

export function matches(filter: Filter, data: Record<string, unknown>, status: Status): boolean {
  if (filter.status && status !== filter.status) return false;
  if (!filter.q) return true;
  const needle = filter.q.toLowerCase();
  return ['municipality', 'contactName', 'email'].some((name) => String(data[name] ?? '').toLowerCase().includes(needle));
}
