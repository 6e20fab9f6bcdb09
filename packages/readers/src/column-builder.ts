import type { ColumnType, DatasetColumn } from '@bothub/core';
import { parseBooleanCell, parseDatetimeCell, parseLabelCell, parseNumberCell, parseNumberCell as parseComponent, parseVectorCell } from './parse-cell.js';
import type { RawCell } from './row-source.js';

/** Which file columns make one dataset column: one source, or the ordered components of a prefix embedding. */
export interface ColumnPlan {
  readonly name: string;
  readonly type: ColumnType;
  /** Indices of the file's columns feeding this column (several only for a prefix embedding). */
  readonly sources: readonly number[];
  /** Embedding length the vectors must have (the reference's, when reading the current file); otherwise the first vector's. */
  readonly dimension?: number;
}

/**
 * Accumulates one column while a file streams: parses every cell (so counts are exact over all rows) and stores the
 * value in the row's sample slot when the sampler kept the row (slot ≥ 0). Buffers grow by doubling.
 */
export interface ColumnBuilder {
  readonly plan: ColumnPlan;
  /** Parses the row's cell(s); stores the value at `slot` unless slot is −1. */
  add(row: readonly RawCell[], slot: number): void;
  /** Non-missing cells so far, and those among them that did not parse. */
  readonly present: number;
  readonly mismatches: number;
  /** The first cell that did not parse, for messages. */
  readonly firstMismatch: string | undefined;
  /** The column over `totalRows` rows, with the values of the kept slots in the given order (null: slots 0..size−1). */
  finish(kept: Int32Array | null, size: number, totalRows: number): DatasetColumn;
}

/**
 * A builder for the plan's type: numeric storage for numerical/boolean/datetime, codes and a dictionary for
 * categorical/text/id, a row-major matrix for embedding.
 * @example const builder = createColumnBuilder({ name: 'age', type: 'numerical', sources: [3] });
 */
export function createColumnBuilder(plan: ColumnPlan, initialCapacity = 1024): ColumnBuilder {
  if (plan.type === 'embedding') return new EmbeddingBuilder(plan, initialCapacity);
  if (plan.type === 'categorical' || plan.type === 'text' || plan.type === 'id') return new LabelBuilder(plan, initialCapacity);
  return new NumericBuilder(plan, initialCapacity);
}

function describeCell(cell: RawCell): string {
  const text = typeof cell === 'string' ? cell : (parseLabelCell(cell) ?? String(cell));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

class NumericBuilder implements ColumnBuilder {
  present = 0;
  mismatches = 0;
  firstMismatch: string | undefined;
  private missing = 0;
  private min = Infinity;
  private max = -Infinity;
  private values: Float64Array;
  private readonly source: number;
  private readonly parse: (cell: RawCell) => number | null;

  constructor(
    readonly plan: ColumnPlan,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
    this.source = plan.sources[0]!;
    this.parse = plan.type === 'boolean' ? parseBooleanCell : plan.type === 'datetime' ? parseDatetimeCell : parseNumberCell;
  }

  add(row: readonly RawCell[], slot: number): void {
    const cell = row[this.source];
    let value = this.parse(cell);
    if (value === null) {
      this.present++;
      this.mismatches++;
      this.firstMismatch ??= describeCell(cell);
      value = NaN;
    } else if (value !== value) {
      this.missing++;
    } else {
      this.present++;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
    }
    if (slot < 0) return;
    if (slot >= this.values.length) this.values = grow(this.values, slot);
    this.values[slot] = value;
  }

  finish(kept: Int32Array | null, size: number, totalRows: number): DatasetColumn {
    const values = kept === null ? trim(this.values, size) : gather(this.values, kept);
    const hasRange = this.min <= this.max;
    return {
      name: this.plan.name,
      type: this.plan.type,
      values: { storage: 'numeric', values },
      counts: {
        rows: totalRows,
        missing: this.missing,
        typeMismatches: this.mismatches,
        ...(hasRange ? { min: this.min, max: this.max } : {}),
      },
    };
  }
}

class LabelBuilder implements ColumnBuilder {
  present = 0;
  readonly mismatches = 0;
  readonly firstMismatch = undefined;
  private missing = 0;
  private codes: Int32Array;
  private readonly dictionary: string[] = [];
  private readonly lookup = new Map<string, number>();
  private readonly source: number;

  constructor(
    readonly plan: ColumnPlan,
    capacity: number,
  ) {
    this.codes = new Int32Array(capacity);
    this.source = plan.sources[0]!;
  }

  add(row: readonly RawCell[], slot: number): void {
    const label = parseLabelCell(row[this.source]);
    let code = -1;
    if (label === null) {
      this.missing++;
    } else {
      this.present++;
      // Only kept rows enter the dictionary, so id and text columns cost memory for the sample, not the file.
      if (slot < 0) return;
      code = this.lookup.get(label) ?? -1;
      if (code === -1) {
        code = this.dictionary.length;
        this.dictionary.push(label);
        this.lookup.set(label, code);
      }
    }
    if (slot < 0) return;
    if (slot >= this.codes.length) this.codes = grow(this.codes, slot);
    this.codes[slot] = code;
  }

  finish(kept: Int32Array | null, size: number, totalRows: number): DatasetColumn {
    let codes = kept === null ? trim(this.codes, size) : gather(this.codes, kept);
    let dictionary: readonly string[] = this.dictionary;
    if (kept !== null) {
      // Rows replaced in the reservoir can leave labels no kept row uses: renumber densely in order of first use.
      const remap = new Int32Array(this.dictionary.length).fill(-1);
      const used: string[] = [];
      codes = codes.map((code) => {
        if (code < 0) return code;
        if (remap[code] === -1) {
          remap[code] = used.length;
          used.push(this.dictionary[code]!);
        }
        return remap[code]!;
      });
      dictionary = used;
    }
    return {
      name: this.plan.name,
      type: this.plan.type,
      values: { storage: 'categorical', codes, dictionary },
      counts: { rows: totalRows, missing: this.missing, typeMismatches: 0 },
    };
  }
}

class EmbeddingBuilder implements ColumnBuilder {
  present = 0;
  mismatches = 0;
  firstMismatch: string | undefined;
  private missingCount = 0;
  private dimension: number;
  private capacity: number;
  private data: Float64Array;
  private missing: Uint8Array;
  private readonly vector: Float64Array | undefined;

  constructor(
    readonly plan: ColumnPlan,
    capacity: number,
  ) {
    this.capacity = capacity;
    this.dimension = plan.sources.length > 1 ? plan.sources.length : (plan.dimension ?? 0);
    this.data = new Float64Array(capacity * this.dimension);
    this.missing = new Uint8Array(capacity);
    this.vector = plan.sources.length > 1 ? new Float64Array(plan.sources.length) : undefined;
  }

  add(row: readonly RawCell[], slot: number): void {
    let values: ArrayLike<number> | 'missing' | null;
    if (this.vector === undefined) {
      values = parseVectorCell(row[this.plan.sources[0]!]);
      if (Array.isArray(values) || ArrayBuffer.isView(values)) {
        const length = (values as ArrayLike<number>).length;
        if (this.dimension === 0) {
          this.dimension = length;
          this.data = new Float64Array(this.capacity * length);
        } else if (length !== this.dimension) {
          this.firstMismatch ??= `a vector of ${length} values where the column has ${this.dimension}`;
          values = null;
        }
      }
    } else {
      values = this.readComponents(row);
    }
    if (values === 'missing') {
      this.missingCount++;
    } else {
      this.present++;
      if (values === null) {
        this.mismatches++;
        this.firstMismatch ??= this.vector === undefined ? describeCell(row[this.plan.sources[0]!]) : 'a row with missing or non-numeric components';
      }
    }
    if (slot < 0) return;
    if (slot >= this.capacity) {
      const capacity = Math.max(slot + 1, this.capacity * 2);
      const data = new Float64Array(capacity * this.dimension);
      data.set(this.data);
      const missing = new Uint8Array(capacity);
      missing.set(this.missing);
      this.data = data;
      this.missing = missing;
      this.capacity = capacity;
    }
    const offset = slot * this.dimension;
    if (values === null || values === 'missing') {
      this.missing[slot] = 1;
      this.data.fill(0, offset, offset + this.dimension);
    } else {
      this.missing[slot] = 0;
      const vector: ArrayLike<number> = values;
      for (let j = 0; j < this.dimension; j++) this.data[offset + j] = vector[j]!;
    }
  }

  private readComponents(row: readonly RawCell[]): Float64Array | 'missing' | null {
    const vector = this.vector!;
    const sources = this.plan.sources;
    let missing = 0;
    let bad = false;
    for (let j = 0; j < sources.length; j++) {
      const value = parseComponent(row[sources[j]!]);
      if (value === null) bad = true;
      else if (value !== value) missing++;
      vector[j] = value ?? NaN;
    }
    if (missing === sources.length) return 'missing';
    return bad || missing > 0 ? null : vector;
  }

  finish(kept: Int32Array | null, size: number, totalRows: number): DatasetColumn {
    const dimension = this.dimension;
    let data: Float64Array;
    let missing: Uint8Array;
    if (kept === null) {
      data = this.data.slice(0, size * dimension);
      missing = this.missing.slice(0, size);
    } else {
      data = new Float64Array(kept.length * dimension);
      missing = new Uint8Array(kept.length);
      for (let i = 0; i < kept.length; i++) {
        const slot = kept[i]!;
        data.set(this.data.subarray(slot * dimension, (slot + 1) * dimension), i * dimension);
        missing[i] = this.missing[slot]!;
      }
    }
    return {
      name: this.plan.name,
      type: 'embedding',
      values: { storage: 'embedding', vectors: { rows: missing.length, cols: dimension, data }, missing },
      counts: { rows: totalRows, missing: this.missingCount, typeMismatches: this.mismatches },
    };
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, slot: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(slot + 1, array.length * 2));
  next.set(array);
  return next;
}

/** The first `size` values: a view when little would be wasted (the buffer was sized from an estimate), else a copy. */
function trim<T extends Float64Array | Int32Array>(array: T, size: number): T {
  return (size >= 0.9 * array.length ? array.subarray(0, size) : array.slice(0, size)) as T;
}

function gather<T extends Float64Array | Int32Array>(array: T, kept: Int32Array): T {
  const out = new (array.constructor as new (length: number) => T)(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = array[kept[i]!]!;
  return out;
}
