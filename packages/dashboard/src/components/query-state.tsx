import type { ReactNode } from 'react';
import { BothubApiError } from '@bothub/client';

/**
 * What a page shows while its data loads or when it failed; the children once it is there.
 *
 * @example
 * <QueryState query={fleet}>{(data) => <FleetTable rows={data.models} />}</QueryState>
 */
export function QueryState<T>({ query, children }: { readonly query: { data: T | undefined; error: Error | null; isPending: boolean }; readonly children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined) return <p className="muted" role="status">Loading…</p>;
  return <>{children(query.data)}</>;
}

/**
 * An error as the service phrased it (code and message), or the browser's message.
 *
 * @example
 * <ErrorMessage error={mutation.error} />
 */
export function ErrorMessage({ error }: { readonly error: Error }) {
  const text = error instanceof BothubApiError ? `${error.message} (${error.code})` : error.message;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
