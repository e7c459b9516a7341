// "Download CSV" on the Customers, Deals and Dealers screens: the address of
// GET /export/{kind}.csv (server/export.go) with the filter the screen sends
// to GraphQL as query parameters, so the file holds the list as filtered on
// screen. The server narrows it to what the signed-in viewer may see (a
// dealer user gets its own rows); the session cookie goes along with a plain
// same-origin link. Parameter names are the GraphQL filter's field names;
// ids are passed as the app holds them (global ids); a list is joined with
// commas; booleans are true/false; empty values are left out.
import type { CustomerFilter, DealFilter, DealerFilter } from '../gql/graphql';

export type ExportKind = 'customers' | 'deals' | 'dealers';

type Filters = { customers: CustomerFilter; deals: DealFilter; dealers: DealerFilter };

// The parameters of each export in the order they are written. Each list
// names every field of the GraphQL filter (checked below), so a field added
// to a filter cannot be silently left out of the download.
const params = {
  customers: ['search', 'ownerKind', 'ownerDealerId', 'regionId', 'segment', 'keyAccount'],
  deals: ['stages', 'channelKind', 'dealerId', 'customerId', 'productLineId', 'regionId', 'openOnly'],
  dealers: ['search', 'kind', 'status', 'regionId'],
} as const satisfies { [K in ExportKind]: readonly (keyof Filters[K])[] };

type Unlisted<K extends ExportKind> = Exclude<keyof Filters[K], (typeof params)[K][number]>;
// A compile error here means a filter has a field the export does not pass.
const everyField: { [K in ExportKind]: Unlisted<K> extends never ? true : Unlisted<K> } = {
  customers: true,
  deals: true,
  dealers: true,
};
void everyField;

// exportUrl is the download address of kind's list narrowed by filter.
export function exportUrl<K extends ExportKind>(kind: K, filter: Filters[K]): string {
  const q = new URLSearchParams();
  const f = filter as Record<string, unknown>;
  for (const name of params[kind] as readonly string[]) {
    const v = paramValue(f[name]);
    if (v !== null) q.set(name, v);
  }
  const query = q.toString();
  return `/export/${kind}.csv${query ? `?${query}` : ''}`;
}

function paramValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    const items = v.map((x) => String(x).trim()).filter((x) => x !== '');
    return items.length > 0 ? items.join(',') : null;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v).trim();
  return s === '' ? null : s;
}
