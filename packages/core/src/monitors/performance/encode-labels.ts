import type { DatasetColumn } from '../../dataset.js';

/** A column's values as class codes: `codes[i]` indexes `keys`, −1 marks a missing value. */
export interface EncodedLabels {
  readonly codes: Int32Array;
  /** The spelling of each class: the category, a number as `String(value)`, a boolean as "true" / "false". */
  readonly keys: readonly string[];
}

/**
 * Encodes any column (categorical, text, id, numerical, boolean, datetime) as class codes so targets and
 * predictions of different storage can be compared by their spelling.
 * @example encodeLabels(column).keys; // ['no', 'yes']
 */
export function encodeLabels(column: DatasetColumn): EncodedLabels {
  let encoded = cache.get(column);
  if (encoded === undefined) {
    encoded = encodeColumn(column);
    cache.set(column, encoded);
  }
  return encoded;
}

// Columns are immutable, and the same target is encoded by several monitors: remember each encoding.
const cache = new WeakMap<DatasetColumn, EncodedLabels>();
const SMALL_INTEGERS = 1024;

function encodeColumn(column: DatasetColumn): EncodedLabels {
  const values = column.values;
  if (values.storage === 'categorical') return { codes: values.codes, keys: values.dictionary };
  if (values.storage === 'embedding') {
    throw new RangeError(`column "${column.name}" is an embedding column; it cannot hold class labels`);
  }
  const n = values.values.length;
  const codes = new Int32Array(n);
  const keys: string[] = [];
  const index = new Map<number, number>();
  // Class labels are mostly small non-negative integers: a table lookup is much faster than a Map.
  const small = new Int32Array(SMALL_INTEGERS).fill(-1);
  const isBoolean = column.type === 'boolean';
  for (let i = 0; i < n; i++) {
    const v = values.values[i]!;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    const isSmall = v >= 0 && v < SMALL_INTEGERS && Number.isInteger(v);
    let code = isSmall ? small[v]! : (index.get(v) ?? -1);
    if (code < 0) {
      code = keys.length;
      if (isSmall) small[v] = code;
      else index.set(v, code);
      keys.push(isBoolean ? (v === 0 ? 'false' : 'true') : String(v));
    }
    codes[i] = code;
  }
  return { codes, keys };
}

/**
 * The keys that occur (non-missing) in the encoded values, in order of their code.
 * @example presentKeys({ codes: Int32Array.of(1, -1, 1), keys: ['a', 'b'] }); // ['b']
 */
export function presentKeys(encoded: EncodedLabels): string[] {
  const seen = new Uint8Array(encoded.keys.length);
  for (const code of encoded.codes) if (code >= 0) seen[code] = 1;
  const keys: string[] = [];
  for (let c = 0; c < seen.length; c++) if (seen[c] === 1) keys.push(encoded.keys[c]!);
  return keys;
}
