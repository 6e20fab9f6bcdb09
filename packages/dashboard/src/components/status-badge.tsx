import type { Status } from '../logic/status.js';
import { STATUS_COLORS, STATUS_LABELS } from '../logic/status.js';

/**
 * A status as a coloured pill (its word is its accessible text; colour is never the only cue).
 *
 * @example
 * <StatusBadge status="warning" />
 */
export function StatusBadge({ status, title }: { readonly status: Status; readonly title?: string }) {
  const colors = STATUS_COLORS[status];
  return (
    <span className="badge" style={{ color: colors.fg, background: colors.bg }} title={title}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const SEVERITY_STATUS = { info: 'insufficient_data', warning: 'warning', critical: 'critical' } as const;

/**
 * An alert severity as a pill, in the status colours.
 *
 * @example
 * <SeverityBadge severity="critical" />
 */
export function SeverityBadge({ severity }: { readonly severity: 'info' | 'warning' | 'critical' }) {
  const colors = STATUS_COLORS[SEVERITY_STATUS[severity]];
  return (
    <span className="badge" style={{ color: colors.fg, background: colors.bg }}>
      {severity}
    </span>
  );
}
