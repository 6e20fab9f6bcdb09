import type { Alert, NotificationEvent } from './alert-schema.js';

/** The alert after a person's action, and the state change channels are told about. */
export interface AlertAction {
  readonly alert: Alert;
  readonly notify: NotificationEvent | null;
}

/**
 * A person takes a firing alert in hand: status acknowledged, who and when, an "acknowledged" event, notify
 * "acknowledged" (PagerDuty acknowledges its incident). An acknowledged alert is not re-notified but still resolves
 * by itself when its condition clears.
 * @throws RangeError when the alert is already acknowledged or resolved (the API answers 409).
 * @example const { alert, notify } = acknowledgeAlert(alert, 'ana@example.com', Date.now(), 'looking into it');
 */
export function acknowledgeAlert(alert: Alert, by: string, now: number, note?: string): AlertAction {
  if (alert.status !== 'firing') throw new RangeError(`acknowledgeAlert: alert ${alert.id} is ${alert.status}; only a firing alert can be acknowledged`);
  return {
    alert: { ...alert, status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by, lastNotifiedAt: now, events: [...alert.events, { at: now, action: 'acknowledged', by, note: note ?? null }] },
    notify: 'acknowledged',
  };
}
