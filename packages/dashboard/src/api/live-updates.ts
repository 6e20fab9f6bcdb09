import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** The service's event names (`GET /api/v1/events`). */
export const LIVE_EVENTS = ['window.evaluated', 'alert.changed', 'records.ingested'] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];

/** `live`: the event stream is open; `polling`: it is not, and queries poll instead. */
export type LiveState = 'connecting' | 'live' | 'polling';

/** Poll this often while the event stream is down. */
export const POLL_MS = 10_000;

/** Open the event stream again this long after the service refused it. */
const RECONNECT_MS = 30_000;

/**
 * Whether an event makes a cached query stale. Query keys start with their resource (`fleet`, `alerts`, `model` …)
 * and, for a model's data, carry the model name second.
 *
 * @example
 * isStaleAfter(['metrics', 'credit', 'drift.share'], 'window.evaluated', 'credit'); // true
 */
export function isStaleAfter(key: QueryKey, event: LiveEvent, model: string | null): boolean {
  const [resource, name] = key as [string, unknown];
  if (resource === 'fleet') return true;
  switch (event) {
    case 'records.ingested':
      return false;
    case 'alert.changed':
      return resource === 'alerts' || resource === 'alert' || (resource === 'health' && name === model);
    case 'window.evaluated':
      return name === model && ['health', 'windows', 'metrics', 'window-reports', 'alerts'].includes(resource);
  }
}

/**
 * Listens to the service's event stream and marks the affected queries stale, so the pages refetch what changed
 * without a reload. Reports its state; while the stream is down (error, or no EventSource) the caller polls.
 * Returns a function that closes the stream.
 *
 * @example
 * const stop = listenToLiveUpdates(queryClient, setLiveState);
 */
export function listenToLiveUpdates(queryClient: QueryClient, onState: (state: LiveState) => void, url = '/api/v1/events'): () => void {
  if (typeof EventSource === 'undefined') {
    onState('polling');
    return () => undefined;
  }
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = (): void => {
    onState('connecting');
    const current = new EventSource(url);
    source = current;
    current.onopen = () => onState('live');
    current.onerror = () => {
      // A dropped stream reconnects by itself; one refused outright (503 when the service has too many streams, a
      // proxy's error page) is closed for good, so try again later. Meanwhile the pages poll.
      onState('polling');
      if (current.readyState === EventSource.CLOSED) retry = setTimeout(open, RECONNECT_MS);
    };
    for (const event of LIVE_EVENTS) {
      current.addEventListener(event, (message: MessageEvent<string>) => {
        let model: string | null = null;
        try {
          const data = JSON.parse(message.data) as { model?: unknown };
          model = typeof data.model === 'string' ? data.model : null;
        } catch {
          // A malformed event still says something changed: refresh the fleet.
        }
        void queryClient.invalidateQueries({ predicate: (query) => isStaleAfter(query.queryKey, event, model) });
      });
    }
  };
  open();
  return () => {
    clearTimeout(retry);
    source?.close();
  };
}
