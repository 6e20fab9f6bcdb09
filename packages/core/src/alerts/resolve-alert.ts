import type { Alert } from './alert-schema.js';
import type { AlertAction } from './acknowledge-alert.js';

/**
 * A person resolves an open (firing or acknowledged) alert: status resolved, who and when, a "resolved" event,
 * notify "resolved". The rule's cooldown then runs from now.
 * @throws RangeError when the alert is already resolved (the API answers 409).
 * @example const { alert, notify } = resolveAlert(alert, 'ana@example.com', Date.now(), 'fixed upstream');
 */
export function resolveAlert(alert: Alert, by: string, now: number, note?: string): AlertAction {
  if (alert.status === 'resolved') throw new RangeError(`resolveAlert: alert ${alert.id} is already resolved`);
  return {
    alert: { ...alert, status: 'resolved', resolvedAt: now, resolvedBy: by, lastNotifiedAt: now, events: [...alert.events, { at: now, action: 'resolved', by, note: note ?? null }] },
    notify: 'resolved',
  };
}
