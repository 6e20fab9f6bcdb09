import { COLUMN_TYPES, DRIFT_TEST_NAMES } from '@bothub/core';
import type { ColumnRoles, ColumnType, DriftTestName, ReportOptions } from '@bothub/core';
import { DEFAULT_REPORT_OPTIONS } from '@bothub/core';
import { UserInputError } from '@bothub/readers';

/** The options `bothub report` and `bothub check` share, as commander hands them over. */
export interface DataOptions {
  reference: string;
  current: string;
  delimiter?: string;
  columnType: string[];
  ignore: string[];
  embeddingPrefix: string[];
  target?: string;
  prediction?: string;
  score?: string;
  scorePrefix?: string;
  timestamp?: string;
  segment?: string;
  protected?: string;
  tests?: string;
  sampleSize: string;
  seed: string;
  confidence: string;
  datasetDriftShare: string;
  quiet?: boolean;
}

/** Collects a repeatable flag, also splitting comma lists: --ignore a --ignore b,c → [a, b, c]. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function parseNumber(flag: string, value: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UserInputError(`${flag}: expected ${expected}, got "${value}"`);
  return n;
}

export function parseColumnTypes(pairs: readonly string[]): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const name = pair.slice(0, eq);
    const type = pair.slice(eq + 1) as ColumnType;
    if (eq <= 0 || !(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw new UserInputError(`--column-type: expected NAME=TYPE with TYPE one of ${COLUMN_TYPES.join(', ')}, got "${pair}"`);
    }
    types[name] = type;
  }
  return types;
}

export function parseTests(list: string | undefined): DriftTestName[] {
  if (!list) return [];
  return collectList(list).map((name) => {
    if (!(DRIFT_TEST_NAMES as readonly string[]).includes(name)) throw new UserInputError(`--tests: unknown test "${name}"; available: ${DRIFT_TEST_NAMES.join(', ')}`);
    return name as DriftTestName;
  });
}

export function parseProtected(value: string | undefined): ColumnRoles['protected'] {
  if (value === undefined) return undefined;
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) throw new UserInputError(`--protected: expected COLUMN=PRIVILEGED_VALUE (e.g. gender=male), got "${value}"`);
  return { column: value.slice(0, eq), privileged: value.slice(eq + 1) };
}

/** The roles as given (score columns from --score-prefix are resolved once the header is known). */
export function rolesFrom(options: DataOptions): ColumnRoles {
  const protectedRole = parseProtected(options.protected);
  return {
    ...(options.target ? { target: options.target } : {}),
    ...(options.prediction ? { prediction: options.prediction } : {}),
    ...(options.score ? { score: options.score } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    ...(options.segment ? { segment: options.segment } : {}),
    ...(protectedRole ? { protected: protectedRole } : {}),
  };
}

/** Validated report settings from the flags (defaults documented in docs/reports.md). */
export function reportOptionsFrom(options: DataOptions, roles: ColumnRoles): ReportOptions {
  return {
    ...DEFAULT_REPORT_OPTIONS,
    roles,
    extraTests: parseTests(options.tests),
    seed: parseNumber('--seed', options.seed, Number.isInteger, 'an integer'),
    confidence: parseNumber('--confidence', options.confidence, (n) => n > 0 && n < 1, 'a number between 0 and 1'),
    datasetDriftShare: parseNumber('--dataset-drift-share', options.datasetDriftShare, (n) => n > 0 && n <= 1, 'a share in (0, 1]'),
  };
}

export function sampleSizeFrom(options: DataOptions): number {
  return parseNumber('--sample-size', options.sampleSize, (n) => Number.isInteger(n) && n >= 100, 'an integer ≥ 100');
}
