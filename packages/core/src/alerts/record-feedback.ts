import type { Alert } from './alert-schema.js';
import type { AlertAction } from './acknowledge-alert.js';

// Checked at run time too: JavaScript callers and stored JSON are not type-checked.
const VERDICTS: readonly string[] = ['real', 'false'];

/**
 * A person marks an alert (in any status) real or false; a later verdict replaces an earlier one and both stay in the
 * events. Rule precision and threshold suggestions learn from it. Channels are not notified.
 * @throws RangeError for a verdict other than "real" or "false".
 * @example const { alert } = recordFeedback(alert, 'false', 'ana@example.com', Date.now(), 'seasonal shift');
 */
export function recordFeedback(alert: Alert, verdict: 'real' | 'false', by: string, now: number, note?: string): AlertAction {
  if (!VERDICTS.includes(verdict)) throw new RangeError(`recordFeedback: verdict must be "real" or "false", got ${JSON.stringify(verdict)}`);
  return {
    alert: { ...alert, feedback: { verdict, by, at: now, note: note ?? null }, events: [...alert.events, { at: now, action: 'feedback', by, note: note === undefined ? verdict : `${verdict}: ${note}` }] },
    notify: null,
  };
}
