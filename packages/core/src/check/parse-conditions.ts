import type { CheckCondition } from './check-conditions.js';

const FAIL_ON = ['dataset-drift', 'column-drift', 'four-fifths'] as const;

/** Parses `--fail-on` values: dataset-drift, column-drift, column-drift:NAME, four-fifths. */
export function parseFailOn(value: string): CheckCondition {
  if (value === 'dataset-drift') return { kind: 'dataset-drift' };
  if (value === 'four-fifths') return { kind: 'four-fifths' };
  if (value === 'column-drift') return { kind: 'column-drift' };
  if (value.startsWith('column-drift:') && value.length > 'column-drift:'.length) return { kind: 'column-drift', column: value.slice('column-drift:'.length) };
  throw new RangeError(`--fail-on: unknown condition "${value}"; use one of ${FAIL_ON.join(', ')} or column-drift:COLUMN`);
}

/** Parses `--min METRIC=VALUE` / `--max METRIC=VALUE`. */
export function parseMetricBound(kind: 'min' | 'max', value: string): CheckCondition {
  const match = /^([A-Za-z][\w.]*)=(.+)$/.exec(value);
  const bound = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isFinite(bound)) throw new RangeError(`--${kind}: expected METRIC=NUMBER (e.g. rocAuc=0.8), got "${value}"`);
  return { kind, metric: match[1]!, value: bound };
}

/** Parses a share in [0, 1] given to `flag`. */
export function parseShare(flag: string, value: string | number): number {
  const share = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new RangeError(`${flag}: expected a share between 0 and 1, got "${String(value)}"`);
  return share;
}

/**
 * Reads the conditions of a YAML or JSON conditions file (already parsed):
 * `{ failOn: [dataset-drift], maxDriftedShare: 0.3, min: { rocAuc: 0.8 }, max: { logLoss: 0.5 }, maxMissingShare: 0.1 }`.
 * Unknown keys are refused so a typo does not silently disable a gate.
 * @example parseConditionsDocument({ failOn: ['dataset-drift'], min: { rocAuc: 0.8 } });
 */
export function parseConditionsDocument(doc: unknown, source = 'conditions file'): CheckCondition[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new RangeError(`${source}: expected a mapping of conditions (failOn, maxDriftedShare, min, max, maxMissingShare)`);
  const conditions: CheckCondition[] = [];
  for (const [key, value] of Object.entries(doc)) {
    switch (key) {
      case 'failOn': {
        const list: unknown[] = Array.isArray(value) ? value : [value];
        for (const item of list) {
          if (typeof item !== 'string') throw new RangeError(`${source}: failOn entries must be strings, got ${JSON.stringify(item)}`);
          conditions.push(parseFailOn(item));
        }
        break;
      }
      case 'maxDriftedShare':
        conditions.push({ kind: 'max-drifted-share', value: parseShare(`${source}: maxDriftedShare`, value as number) });
        break;
      case 'maxMissingShare':
        conditions.push({ kind: 'max-missing-share', value: parseShare(`${source}: maxMissingShare`, value as number) });
        break;
      case 'min':
      case 'max': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError(`${source}: ${key} must map metric names to numbers, e.g. { rocAuc: 0.8 }`);
        for (const [metric, bound] of Object.entries(value as Record<string, unknown>)) {
          if (typeof bound !== 'number' || !Number.isFinite(bound)) throw new RangeError(`${source}: ${key}.${metric} must be a number, got ${JSON.stringify(bound)}`);
          conditions.push({ kind: key, metric, value: bound });
        }
        break;
      }
      default:
        throw new RangeError(`${source}: unknown key "${key}"; known keys: failOn, maxDriftedShare, maxMissingShare, min, max`);
    }
  }
  return conditions;
}
