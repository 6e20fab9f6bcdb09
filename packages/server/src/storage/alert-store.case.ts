/**
 * The contract of `Store.alerts` (see alert-store.ts), run by the Store contract suite for every adapter.
 *
 * Semantics pinned here:
 * - Rules: names are unique per model; `listRules` is in creation order; an update keeps id and createdAt.
 * - Alerts: a new alert has revision 1 and each write adds 1; a write computed from another revision, or a second
 *   open (firing or acknowledged) alert of one (rule, series), fails with StoreConflictError('alert') and the whole
 *   `applyAlertChanges` writes nothing. `listAlerts` and `listIncidents` are newest first, paged by `before`.
 * - Channels: secrets come back in `secrets` only; `hasSecret` says whether a signing secret is set.
 * - Deliveries: unique per (channel, idempotency key); claimed when due and unleased (or the lease expired), one
 *   worker at a time, and never while an earlier delivery of the same alert to the same channel is pending; only the
 *   worker holding a delivery may end, reschedule or defer it; `attempts` counts reschedules and attempted ends.
 */
import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule, Incident, Model, Notification } from '@bothub/core';
import { makeAlert, makeAlertRule } from '@bothub/testkit';
import type { NewAlertRule, NewChannel, NewDelivery } from './alert-store.js';
import type { Store } from './store.js';
import { StoreConflictError } from './store-errors.js';

export interface AlertStoreContext {
  /** The store of the current test (fresh and migrated). */
  readonly store: () => Store;
  /** Another handle on the same data; the caller closes it. */
  readonly connect: () => Promise<Store>;
  readonly createModel: (name: string) => Promise<Model>;
}

function newRule(modelId: string, overrides: Partial<NewAlertRule> = {}): NewAlertRule {
  const stored: Partial<AlertRule> = makeAlertRule({ modelId, ...overrides });
  delete stored.id;
  delete stored.createdAt;
  delete stored.updatedAt;
  return stored as NewAlertRule;
}

function alertOf(id: string, rule: AlertRule, overrides: Partial<Alert> = {}): Alert {
  return makeAlert({ id, ruleId: rule.id, modelId: rule.modelId, severity: rule.severity, firstFiredAt: 1000, lastFiredAt: 1000, lastNotifiedAt: 1000, ...overrides });
}

function newChannel(name: string, overrides: Partial<NewChannel> = {}): NewChannel {
  return {
    name,
    kind: 'webhook',
    severities: ['warning', 'critical'],
    rateLimitPerMinute: 30,
    enabled: true,
    url: 'https://hooks.example.com/bothub',
    routingKey: null,
    smtp: null,
    command: null,
    secrets: { secret: 'a-signing-secret-of-some-length', smtpPassword: null },
    ...overrides,
  };
}

function deliveryOf(channelId: string, alert: Alert, event: NewDelivery['event'], createdAt = 1000): NewDelivery {
  const idempotencyKey = `${alert.id}:${event}:${event === 'firing' ? alert.fireCount : event}`;
  const notification: Notification = {
    idempotencyKey,
    event,
    alert,
    rule: { id: alert.ruleId, name: 'Feature drift' },
    model: { id: alert.modelId, name: 'churn', project: 'default' },
    version: null,
    url: alert.evidence.link,
    sentAt: createdAt,
  };
  return { channelId, alertId: alert.id, event, idempotencyKey, notification, createdAt };
}

/**
 * Registers the alert store's contract inside the Store contract suite.
 *
 * @example
 * runAlertStoreContract({ store: () => store, connect: () => fixture.connect(), createModel: (name) => createModel({ name }) });
 */
export function runAlertStoreContract(context: AlertStoreContext): void {
  describe('alerts', () => {
    async function setup(): Promise<{ store: Store; model: Model; rule: AlertRule; channel: string }> {
      const store = context.store();
      const model = await context.createModel('churn');
      const rule = await store.alerts.createRule(newRule(model.id));
      const { channel } = await store.alerts.createChannel(newChannel('ops'));
      return { store, model, rule, channel: channel.id };
    }

    it('creates, reads, lists, updates and deletes rules; names are unique per model', async () => {
      const store = context.store();
      const model = await context.createModel('churn');
      const other = await context.createModel('other');
      const rule = await store.alerts.createRule(newRule(model.id));
      expect(rule).toMatchObject(newRule(model.id));
      expect(Number.isNaN(Date.parse(rule.createdAt))).toBe(false);
      expect(rule.updatedAt).toBe(rule.createdAt);
      expect(await store.alerts.getRule(rule.id)).toEqual(rule);
      expect(await store.alerts.getRule('no-such-rule')).toBeNull();

      await expect(store.alerts.createRule(newRule(model.id))).rejects.toSatisfy((e) => e instanceof StoreConflictError && e.entity === 'rule');
      const elsewhere = await store.alerts.createRule(newRule(other.id));
      const off = await store.alerts.createRule(newRule(model.id, { name: 'No data', enabled: false, metric: 'volume.count', feature: null, condition: { kind: 'absence', minutes: 60 } }));
      expect((await store.alerts.listRules()).map((r) => r.id)).toEqual([rule.id, elsewhere.id, off.id]);
      expect((await store.alerts.listRules({ modelId: model.id })).map((r) => r.id)).toEqual([rule.id, off.id]);
      expect((await store.alerts.listRules({ modelId: model.id, enabled: true })).map((r) => r.id)).toEqual([rule.id]);
      expect((await store.alerts.listRules({ enabled: false })).map((r) => r.id)).toEqual([off.id]);

      const updated = await store.alerts.updateRule(rule.id, newRule(model.id, { name: 'Drift', severity: 'critical', enabled: false }));
      expect(updated).toMatchObject({ id: rule.id, name: 'Drift', severity: 'critical', enabled: false, createdAt: rule.createdAt });
      expect(await store.alerts.getRule(rule.id)).toEqual(updated);
      expect((await store.alerts.listRules({ enabled: false })).map((r) => r.id)).toEqual([rule.id, off.id]);
      await expect(store.alerts.updateRule(rule.id, newRule(model.id, { name: 'No data' }))).rejects.toSatisfy((e) => e instanceof StoreConflictError && e.entity === 'rule');
      expect(await store.alerts.updateRule('no-such-rule', newRule(model.id))).toBeNull();

      expect(await store.alerts.deleteRule(rule.id)).toBe(true);
      expect(await store.alerts.deleteRule(rule.id)).toBe(false);
      expect(await store.alerts.getRule(rule.id)).toBeNull();
    });

    it('writes alert changes with their incident and deliveries at once, by revision', async () => {
      const { store, model, rule, channel } = await setup();
      const fired = alertOf('a1', rule, { incidentId: 'i1' });
      const incident: Incident = { id: 'i1', modelId: model.id, windowId: 'w1', openedAt: 1000, status: 'open', alertIds: ['a1'], changes: [] };
      expect(await store.alerts.applyAlertChanges({ alerts: [{ alert: fired, revision: null }], incidents: [incident], deliveries: [deliveryOf(channel, fired, 'firing')] })).toEqual({ deliveries: 1 });
      expect(await store.alerts.getAlert('a1')).toEqual({ alert: fired, revision: 1 });
      expect(await store.alerts.latestAlert(rule.id, '*||income')).toEqual({ alert: fired, revision: 1 });
      expect(await store.alerts.latestAlert(rule.id, '*||age')).toBeNull();
      expect(await store.alerts.getIncident('i1')).toEqual(incident);
      expect(await store.alerts.openIncident(model.id, 'w1')).toEqual(incident);
      expect(await store.alerts.openIncident(model.id, 'w2')).toBeNull();
      expect((await store.alerts.listDeliveries('a1')).map((d) => [d.event, d.status, d.attempts, d.nextAttemptAt])).toEqual([['firing', 'pending', 0, 1000]]);

      // The same delivery again is not queued twice.
      const acknowledged = { ...fired, status: 'acknowledged' as const, acknowledgedAt: 2000, acknowledgedBy: 'ana' };
      const result = await store.alerts.applyAlertChanges({
        alerts: [{ alert: acknowledged, revision: 1 }],
        incidents: [{ ...incident, status: 'resolved' }],
        deliveries: [deliveryOf(channel, fired, 'firing'), deliveryOf(channel, acknowledged, 'acknowledged', 2000)],
      });
      expect(result).toEqual({ deliveries: 1 });
      expect(await store.alerts.getAlert('a1')).toEqual({ alert: acknowledged, revision: 2 });
      expect(await store.alerts.openIncident(model.id, 'w1')).toBeNull();
      expect((await store.alerts.listDeliveries('a1')).map((d) => d.event)).toEqual(['firing', 'acknowledged']);

      // A change computed from revision 1 is refused, with nothing of it written.
      const stale = { ...fired, fireCount: 2 };
      await expect(
        store.alerts.applyAlertChanges({ alerts: [{ alert: stale, revision: 1 }], deliveries: [deliveryOf(channel, stale, 'renotify', 3000)] }),
      ).rejects.toSatisfy((e) => e instanceof StoreConflictError && e.entity === 'alert');
      expect(await store.alerts.getAlert('a1')).toEqual({ alert: acknowledged, revision: 2 });
      expect(await store.alerts.listDeliveries('a1')).toHaveLength(2);
      await expect(store.alerts.applyAlertChanges({ alerts: [{ alert: stale, revision: null }], deliveries: [] })).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('keeps at most one open alert per rule and series', async () => {
      const { store, rule, channel } = await setup();
      const first = alertOf('a1', rule);
      await store.alerts.applyAlertChanges({ alerts: [{ alert: first, revision: null }], deliveries: [] });
      const second = alertOf('a2', rule);
      await expect(store.alerts.applyAlertChanges({ alerts: [{ alert: second, revision: null }], deliveries: [deliveryOf(channel, second, 'firing')] })).rejects.toSatisfy(
        (e) => e instanceof StoreConflictError && e.entity === 'alert',
      );
      expect(await store.alerts.getAlert('a2')).toBeNull();
      expect(await store.alerts.listDeliveries('a2')).toEqual([]);
      // Another series, or the same one once the first alert is resolved, may open one.
      await store.alerts.applyAlertChanges({ alerts: [{ alert: alertOf('a3', rule, { feature: 'age' }), revision: null }], deliveries: [] });
      const resolved = { ...first, status: 'resolved' as const, resolvedAt: 5000, resolvedBy: 'system' };
      await store.alerts.applyAlertChanges({ alerts: [{ alert: resolved, revision: 1 }, { alert: second, revision: null }], deliveries: [] });
      expect((await store.alerts.latestAlert(rule.id, '*||income'))?.alert.id).toBe('a2');
    });

    it('lists alerts and incidents newest first, filtered and paged', async () => {
      const { store, model, rule } = await setup();
      const other = await context.createModel('other');
      const otherRule = await store.alerts.createRule(newRule(other.id, { severity: 'critical' }));
      const alerts = [
        alertOf('a1', rule, { feature: 'f1' }),
        alertOf('a2', otherRule, { feature: 'f2', severity: 'critical' }),
        alertOf('a3', rule, { feature: 'f3', status: 'resolved', resolvedAt: 2000, resolvedBy: 'ana' }),
        alertOf('a4', rule, { feature: 'f4', status: 'acknowledged' }),
        alertOf('a5', rule, { feature: 'f5' }),
      ];
      for (const alert of alerts) await store.alerts.applyAlertChanges({ alerts: [{ alert, revision: null }], deliveries: [] });
      const ids = async (filter: Parameters<Store['alerts']['listAlerts']>[0]): Promise<string[]> => (await store.alerts.listAlerts(filter)).alerts.map((a) => a.id);
      expect(await ids({ limit: 10 })).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
      expect(await ids({ limit: 10, status: 'firing' })).toEqual(['a5', 'a2', 'a1']);
      expect(await ids({ limit: 10, modelId: model.id, status: 'firing' })).toEqual(['a5', 'a1']);
      expect(await ids({ limit: 10, severity: 'critical' })).toEqual(['a2']);
      expect(await ids({ limit: 10, ruleId: rule.id })).toEqual(['a5', 'a4', 'a3', 'a1']);
      const pages: string[][] = [];
      let before: string | undefined;
      for (;;) {
        const page = await store.alerts.listAlerts(before === undefined ? { limit: 2 } : { limit: 2, before });
        pages.push(page.alerts.map((a) => a.id));
        if (page.next === null) break;
        before = page.next;
      }
      expect(pages).toEqual([['a5', 'a4'], ['a3', 'a2'], ['a1']]);
      expect(await store.alerts.listAlerts({ limit: 5 })).toMatchObject({ next: null });
      expect(await store.alerts.listAlerts({ limit: 10, before: 'no-such-alert' })).toEqual({ alerts: [], next: null });

      for (const [id, status] of [['i1', 'resolved'], ['i2', 'open'], ['i3', 'open']] as const) {
        await store.alerts.applyAlertChanges({ alerts: [], incidents: [{ id, modelId: id === 'i3' ? other.id : model.id, windowId: id, openedAt: 1, status, alertIds: [], changes: [] }], deliveries: [] });
      }
      expect((await store.alerts.listIncidents({ limit: 10 })).incidents.map((i) => i.id)).toEqual(['i3', 'i2', 'i1']);
      expect((await store.alerts.listIncidents({ limit: 10, modelId: model.id, status: 'open' })).incidents.map((i) => i.id)).toEqual(['i2']);
      const first = await store.alerts.listIncidents({ limit: 2 });
      expect(first.next).toBe('i2');
      expect((await store.alerts.listIncidents({ limit: 2, before: first.next! })).incidents.map((i) => i.id)).toEqual(['i1']);
    });

    it('keeps channels with write-only secrets; deleting one gives up its pending deliveries', async () => {
      const store = context.store();
      const created = await store.alerts.createChannel(newChannel('ops'));
      const { name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command } = newChannel('ops');
      expect(created.channel).toEqual({ name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command, id: created.channel.id, hasSecret: true, createdAt: created.channel.createdAt });
      expect(created.secrets).toEqual({ secret: 'a-signing-secret-of-some-length', smtpPassword: null });
      expect(await store.alerts.getChannel('ops')).toEqual(created);
      expect(await store.alerts.getChannelById(created.channel.id)).toEqual(created);
      expect(await store.alerts.getChannel('nope')).toBeNull();
      await expect(store.alerts.createChannel(newChannel('ops'))).rejects.toSatisfy((e) => e instanceof StoreConflictError && e.entity === 'channel');

      const mail = await store.alerts.createChannel(
        newChannel('mail', {
          kind: 'email',
          url: null,
          smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'bot', from: 'bot@example.com', to: ['ops@example.com'] },
          secrets: { secret: null, smtpPassword: 'p' },
        }),
      );
      expect(mail.channel.hasSecret).toBe(false);
      expect((await store.alerts.listChannels()).map((c) => c.channel.name)).toEqual(['mail', 'ops']);

      const updated = await store.alerts.updateChannel('ops', newChannel('ops', { severities: ['critical'], enabled: false, secrets: { secret: null, smtpPassword: null } }));
      expect(updated?.channel).toMatchObject({ id: created.channel.id, createdAt: created.channel.createdAt, severities: ['critical'], enabled: false, hasSecret: false });
      expect(await store.alerts.getChannel('ops')).toEqual(updated);
      expect(await store.alerts.updateChannel('nope', newChannel('nope'))).toBeNull();

      const model = await context.createModel('churn');
      const rule = await store.alerts.createRule(newRule(model.id));
      const alert = alertOf('a1', rule);
      await store.alerts.applyAlertChanges({ alerts: [{ alert, revision: null }], deliveries: [deliveryOf(created.channel.id, alert, 'firing'), deliveryOf(mail.channel.id, alert, 'firing')] });
      expect(await store.alerts.deleteChannel('ops')).toBe(true);
      expect(await store.alerts.deleteChannel('ops')).toBe(false);
      expect(await store.alerts.getChannel('ops')).toBeNull();
      const deliveries = await store.alerts.listDeliveries('a1');
      expect(deliveries.map((d) => [d.channelId, d.status, d.lastError])).toEqual([
        [created.channel.id, 'dead', 'channel deleted'],
        [mail.channel.id, 'pending', null],
      ]);
    });

    it('hands out due deliveries under a lease, in order per alert and channel', async () => {
      const { store, rule, channel } = await setup();
      const { channel: other } = await store.alerts.createChannel(newChannel('other'));
      const a1 = alertOf('a1', rule);
      const a2 = alertOf('a2', rule, { feature: 'age' });
      await store.alerts.applyAlertChanges({
        alerts: [{ alert: a1, revision: null }, { alert: a2, revision: null }],
        deliveries: [deliveryOf(channel, a1, 'firing', 1000), deliveryOf(channel, a1, 'resolved', 1000), deliveryOf(other.id, a1, 'firing', 1000), deliveryOf(channel, a2, 'firing', 3000)],
      });
      const keys = (list: readonly { idempotencyKey: string; channelId: string }[]): string[] => list.map((d) => `${d.channelId === channel ? 'ops' : 'other'}:${d.idempotencyKey}`);
      // Pending counts every delivery not ended, due or not.
      expect(await store.alerts.countPendingDeliveries()).toBe(4);

      expect(await store.alerts.claimDueDeliveries(999, 10, 'w1', 10_000)).toEqual([]);
      const claimed = await store.alerts.claimDueDeliveries(1000, 10, 'w1', 10_000);
      // a1's "resolved" to ops waits for its "firing"; a2's is not due yet.
      expect(keys(claimed)).toEqual(['ops:a1:firing:1', 'other:a1:firing:1']);
      expect(claimed[0]).toMatchObject({ alertId: 'a1', event: 'firing', status: 'pending', attempts: 0, lastError: null, createdAt: 1000, sentAt: null });
      expect(claimed[0]!.notification.alert).toEqual(a1);
      expect(await store.alerts.claimDueDeliveries(5000, 10, 'w2', 10_000)).toMatchObject([{ alertId: 'a2' }]);

      const [firing, toOther] = claimed;
      expect(await store.alerts.completeDelivery(firing!.id, 'w2', { status: 'sent', at: 1500, error: null, attempted: true })).toBe(false);
      expect(await store.alerts.rescheduleDelivery(firing!.id, 'w1', 4000, 'HTTP 503')).toBe(true);
      expect(await store.alerts.rescheduleDelivery(firing!.id, 'w1', 4000, 'again')).toBe(false);
      expect(await store.alerts.deferDelivery(toOther!.id, 'w1', 2500)).toBe(true);
      // Nothing due for ops (the firing is retried at 4000, the resolved waits behind it); the deferred one at 2500.
      expect(keys(await store.alerts.claimDueDeliveries(3000, 10, 'w3', 10_000))).toEqual(['other:a1:firing:1']);
      const retried = await store.alerts.claimDueDeliveries(4000, 10, 'w3', 10_000);
      expect(keys(retried)).toEqual(['ops:a1:firing:1']);
      expect(retried[0]).toMatchObject({ attempts: 1, lastError: 'HTTP 503', nextAttemptAt: 4000 });
      expect(await store.alerts.completeDelivery(retried[0]!.id, 'w3', { status: 'sent', at: 4100, error: null, attempted: true })).toBe(true);
      expect(await store.alerts.completeDelivery(retried[0]!.id, 'w3', { status: 'sent', at: 4100, error: null, attempted: true })).toBe(false);

      const resolved = await store.alerts.claimDueDeliveries(4200, 10, 'w3', 100);
      expect(keys(resolved)).toEqual(['ops:a1:resolved:resolved']);
      // Its lease expires at 4300: another worker may take it over, and the first one can no longer end it.
      expect(await store.alerts.claimDueDeliveries(4299, 10, 'w4', 1000)).toEqual([]);
      expect(keys(await store.alerts.claimDueDeliveries(4300, 10, 'w4', 1000))).toEqual(['ops:a1:resolved:resolved']);
      expect(await store.alerts.completeDelivery(resolved[0]!.id, 'w3', { status: 'sent', at: 4300, error: null, attempted: true })).toBe(false);
      expect(await store.alerts.completeDelivery(resolved[0]!.id, 'w4', { status: 'dead', at: 4400, error: 'HTTP 400', attempted: true })).toBe(true);
      // Sent and dead ones no longer count; a2's and the one to the other channel do.
      expect(await store.alerts.countPendingDeliveries()).toBe(2);

      expect((await store.alerts.listDeliveries('a1')).map((d) => [d.event, d.channelId === channel, d.status, d.attempts, d.sentAt, d.lastError])).toEqual([
        ['firing', true, 'sent', 2, 4100, 'HTTP 503'],
        ['resolved', true, 'dead', 1, null, 'HTTP 400'],
        ['firing', false, 'pending', 0, null, null],
      ]);
    });

    it('two handles claiming at once take each delivery once; the queue survives a reopen', async () => {
      const { store, rule, channel } = await setup();
      const alerts = Array.from({ length: 30 }, (_, i) => alertOf(`a${i}`, rule, { feature: `f${i}` }));
      await store.alerts.applyAlertChanges({ alerts: alerts.map((alert) => ({ alert, revision: null })), deliveries: alerts.map((a) => deliveryOf(channel, a, 'firing')) });
      const other = await context.connect();
      try {
        const drain = async (handle: Store, worker: string): Promise<string[]> => {
          const ids: string[] = [];
          for (;;) {
            const batch = await handle.alerts.claimDueDeliveries(2000, 4, worker, 60_000);
            if (batch.length === 0) return ids;
            for (const d of batch) {
              ids.push(d.alertId);
              expect(await handle.alerts.completeDelivery(d.id, worker, { status: 'sent', at: 2000, error: null, attempted: true })).toBe(true);
            }
          }
        };
        const [a, b] = await Promise.all([drain(store, 'w1'), drain(other, 'w2')]);
        expect([...a, ...b].sort()).toEqual(alerts.map((x) => x.id).sort());
        expect(new Set([...a, ...b]).size).toBe(30);
        expect((await other.alerts.getAlert('a0'))?.alert).toEqual(alerts[0]);
      } finally {
        await other.close();
      }
    });
  });
}
