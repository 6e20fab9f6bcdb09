/**
 * Live updates for the dashboard: what happened (a window evaluated, an alert changed, records ingested) told to every
 * open event stream. Records are told at most once a second per model, with the count since the last time, so a busy
 * producer does not flood the browsers.
 */
import type { Alert, Model, NotificationEvent, Window } from '@bothub/core';
import type { Store } from '../../storage/store.js';

/** The events of `GET /api/v1/events`, by name, with their data. */
export interface BothubEvents {
  'window.evaluated': { readonly model: string; readonly project: string; readonly window: Window };
  'alert.changed': { readonly model: string; readonly project: string; readonly alert: Alert; readonly state: NotificationEvent };
  'records.ingested': { readonly model: string; readonly project: string; readonly accepted: number };
}

export type BothubEvent = { [Name in keyof BothubEvents]: { readonly event: Name; readonly data: BothubEvents[Name] } }[keyof BothubEvents];

/** One open stream: a slot taken before the response starts, so the bound on streams holds under concurrent requests. */
export interface EventStream {
  /** Starts delivering events to `send`; `end` is called when the service closes. */
  attach(send: (event: BothubEvent) => void, end: () => void): void;
  /** Frees the slot (idempotent). */
  close(): void;
}

export interface EventService {
  /** A slot for a new stream, or null when `maxStreams` are open. */
  openStream(): EventStream | null;
  readonly openStreams: number;
  /** The window job's: a window's evaluation is stored. */
  windowEvaluated(window: Window): Promise<void>;
  alertChanged(model: Model, alert: Alert, state: NotificationEvent): void;
  /** Ingestion's: `accepted` new records of the model are stored (duplicates are not news). */
  recordsIngested(model: Model, accepted: number): void;
  /** Tells the pending record counts, ends every stream and stops the timers. */
  close(): void;
}

export interface EventDeps {
  /** Where window events find their model's name. */
  readonly store: Pick<Store, 'listModels'>;
  /** Streams open at once on this node; more answer 503. */
  readonly maxStreams: number;
  /** The least time between two `records.ingested` events of one model. */
  readonly recordsIntervalMs?: number;
  readonly now?: () => number;
}

interface Throttle {
  lastSentAt: number;
  pending: number;
  timer: NodeJS.Timeout | null;
  model: Model;
}

interface Listener {
  send: ((event: BothubEvent) => void) | null;
  end: (() => void) | null;
}

export const DEFAULT_MAX_EVENT_STREAMS = 100;
const DEFAULT_RECORDS_INTERVAL_MS = 1000;

/**
 * @example
 * const events = createEventService({ store, maxStreams: 100 });
 * const stream = events.openStream();
 * stream?.attach((event) => console.log(event.event, event.data), () => console.log('closed'));
 * events.recordsIngested(model, 250);
 */
export function createEventService(deps: EventDeps): EventService {
  const now = deps.now ?? Date.now;
  const interval = deps.recordsIntervalMs ?? DEFAULT_RECORDS_INTERVAL_MS;
  const listeners = new Set<Listener>();
  const throttles = new Map<string, Throttle>();
  const names = new Map<string, { name: string; project: string }>();

  function publish(event: BothubEvent): void {
    for (const listener of listeners) listener.send?.(event);
  }

  function sendRecords(throttle: Throttle): void {
    const { model, pending } = throttle;
    throttle.pending = 0;
    throttle.timer = null;
    throttle.lastSentAt = now();
    if (pending > 0) publish({ event: 'records.ingested', data: { model: model.name, project: model.project, accepted: pending } });
  }

  async function nameOf(modelId: string): Promise<{ name: string; project: string } | null> {
    if (!names.has(modelId)) for (const model of await deps.store.listModels()) names.set(model.id, { name: model.name, project: model.project });
    return names.get(modelId) ?? null;
  }

  return {
    openStream() {
      if (listeners.size >= deps.maxStreams) return null;
      const listener: Listener = { send: null, end: null };
      listeners.add(listener);
      return {
        attach(send, end) {
          listener.send = send;
          listener.end = end;
        },
        close() {
          listeners.delete(listener);
        },
      };
    },

    get openStreams() {
      return listeners.size;
    },

    async windowEvaluated(window) {
      const model = await nameOf(window.modelId);
      if (model !== null) publish({ event: 'window.evaluated', data: { model: model.name, project: model.project, window } });
    },

    alertChanged(model, alert, state) {
      publish({ event: 'alert.changed', data: { model: model.name, project: model.project, alert, state } });
    },

    recordsIngested(model, accepted) {
      if (accepted === 0) return;
      const key = model.id;
      let throttle = throttles.get(key);
      if (throttle === undefined) {
        throttle = { lastSentAt: -Infinity, pending: 0, timer: null, model };
        throttles.set(key, throttle);
      }
      throttle.model = model;
      throttle.pending += accepted;
      if (throttle.timer !== null) return;
      const wait = throttle.lastSentAt + interval - now();
      if (wait <= 0) {
        sendRecords(throttle);
        return;
      }
      const pendingThrottle = throttle;
      throttle.timer = setTimeout(() => sendRecords(pendingThrottle), wait);
      // A pending count must not keep the process alive.
      throttle.timer.unref();
    },

    close() {
      for (const throttle of throttles.values()) if (throttle.timer !== null) {
        clearTimeout(throttle.timer);
        sendRecords(throttle);
      }
      throttles.clear();
      for (const listener of [...listeners]) listener.end?.();
      listeners.clear();
    },
  };
}
