/**
 * A sortable column header: a button inside the `th`, with `aria-sort` saying the current order.
 *
 * @example
 * <SortHeader label="Model" sortKey="name" view={view} onSort={sortBy} />
 */
export function SortHeader<Key extends string>({
  label,
  sortKey,
  view,
  onSort,
  numeric = false,
}: {
  readonly label: string;
  readonly sortKey: Key;
  readonly view: { readonly sort: Key; readonly descending: boolean };
  readonly onSort: (key: Key) => void;
  readonly numeric?: boolean;
}) {
  const active = view.sort === sortKey;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (view.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true">{active ? (view.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}
