import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Model, Window } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { createEventService } from './service.js';
import type { BothubEvent, EventService } from './service.js';

const model = (id: string, name: string): Model => ({ id, name, project: 'default' }) as Model;
const CHURN = model('m1', 'churn');
const FRAUD = model('m2', 'fraud');

function listen(events: EventService): { received: BothubEvent[]; ended: () => boolean } {
  const received: BothubEvent[] = [];
  let ended = false;
  events.openStream()!.attach((event) => received.push(event), () => {
    ended = true;
  });
  return { received, ended: () => ended };
}

const accepted = (received: readonly BothubEvent[]): unknown[] => received.map((e) => (e.event === 'records.ingested' ? [e.data.model, e.data.accepted] : e.event));

describe('createEventService', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells of records at once, then at most once per interval per model with the count held back meanwhile', () => {
    const events = createEventService({ store: { listModels: () => Promise.resolve([]) }, maxStreams: 10, recordsIntervalMs: 1000 });
    const { received } = listen(events);
    events.recordsIngested(CHURN, 3);
    events.recordsIngested(FRAUD, 1);
    expect(accepted(received)).toEqual([['churn', 3], ['fraud', 1]]);
    events.recordsIngested(CHURN, 2);
    events.recordsIngested(CHURN, 0);
    vi.advanceTimersByTime(500);
    events.recordsIngested(CHURN, 4);
    expect(accepted(received)).toHaveLength(2);
    vi.advanceTimersByTime(499);
    expect(accepted(received)).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(accepted(received)).toEqual([['churn', 3], ['fraud', 1], ['churn', 6]]);
    // A quiet interval later, records are told at once again.
    vi.advanceTimersByTime(1000);
    events.recordsIngested(CHURN, 5);
    expect(accepted(received).at(-1)).toEqual(['churn', 5]);
    // Nothing was held back: no empty event follows.
    vi.advanceTimersByTime(5000);
    expect(received).toHaveLength(4);
  });

  it('tells the held-back counts and ends every stream when it closes', () => {
    const events = createEventService({ store: { listModels: () => Promise.resolve([]) }, maxStreams: 10 });
    const { received, ended } = listen(events);
    events.recordsIngested(CHURN, 1);
    events.recordsIngested(CHURN, 7);
    events.close();
    expect(accepted(received)).toEqual([['churn', 1], ['churn', 7]]);
    expect(ended()).toBe(true);
    expect(events.openStreams).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(received).toHaveLength(2);
  });

  it('bounds the open streams; a closed stream frees its slot and hears nothing more', () => {
    const events = createEventService({ store: { listModels: () => Promise.resolve([]) }, maxStreams: 2 });
    const first = events.openStream()!;
    const heard: BothubEvent[] = [];
    first.attach((event) => heard.push(event), () => undefined);
    expect(events.openStream()).not.toBeNull();
    expect(events.openStream()).toBeNull();
    first.close();
    first.close();
    expect(events.openStreams).toBe(1);
    expect(events.openStream()).not.toBeNull();
    events.recordsIngested(CHURN, 1);
    expect(heard).toEqual([]);
  });

  it('names the model of an evaluated window, reading the models once, and tells alert changes with their state', async () => {
    const listModels = vi.fn(() => Promise.resolve([CHURN, FRAUD]));
    const events = createEventService({ store: { listModels }, maxStreams: 10 });
    const { received } = listen(events);
    const window = { id: '7', modelId: 'm2' } as Window;
    await events.windowEvaluated(window);
    await events.windowEvaluated({ ...window, id: '8', modelId: 'm1' });
    await events.windowEvaluated({ ...window, modelId: 'gone' });
    const alert = makeAlert({ status: 'resolved' });
    events.alertChanged(CHURN, alert, 'resolved');
    expect(received).toEqual([
      { event: 'window.evaluated', data: { model: 'fraud', project: 'default', window } },
      { event: 'window.evaluated', data: { model: 'churn', project: 'default', window: { ...window, id: '8', modelId: 'm1' } } },
      { event: 'alert.changed', data: { model: 'churn', project: 'default', alert, state: 'resolved' } },
    ]);
    // Once at the start, once more for the unknown model.
    expect(listModels).toHaveBeenCalledTimes(2);
  });
});
