import type { PopulationStabilityIndexResult } from '@bothub/stats';
import type { ColumnType } from '../../column-type.js';
import type { ColumnValues, EmbeddingColumnValues } from '../../dataset.js';
import { countCategories } from './count-categories.js';
import type { CategoryTable } from './count-categories.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { dropMissingNumbers } from './drop-missing-numbers.js';
import { sortedFiniteNumbers } from './sorted-finite-numbers.js';

/** Results computed once per column and shared by the tests that need them. */
export interface NumberSidesCache {
  binned?: PopulationStabilityIndexResult;
  referenceStd?: number;
}

/** Both samples of a column, missing values dropped, in the form its tests consume. */
export type DriftSides =
  | { readonly kind: 'numbers'; readonly reference: Float64Array; readonly current: Float64Array; readonly cache: NumberSidesCache }
  | { readonly kind: 'categories'; readonly table: CategoryTable }
  | {
      readonly kind: 'vectors';
      readonly reference: EmbeddingColumnValues;
      readonly current: EmbeddingColumnValues;
      readonly referencePresent: number;
      readonly currentPresent: number;
    };

function countPresent(values: EmbeddingColumnValues): number {
  let present = 0;
  for (let i = 0; i < values.vectors.rows; i++) if (values.missing[i] !== 1) present++;
  return present;
}

/**
 * Drops missing values (NaN and ±Infinity, code −1, flagged vectors) and puts both samples in the form the tests of
 * the column type consume: finite numbers (numerical, datetime), aligned category counts (categorical, boolean) or
 * vectors (embedding). Null for text and id columns, which have no drift test. Reference numbers come sorted (the
 * tests sort them anyway) unless the column is over the tests' sampling cap, and are remembered in `memo` when given.
 * @throws RangeError naming the column when the storage does not fit the type or embedding dimensions differ.
 * @example
 * const sides = prepareDriftSides('age', 'numerical', reference.values, current.values);
 */
export function prepareDriftSides(column: string, type: ColumnType, reference: ColumnValues, current: ColumnValues, memo?: ReferenceMemo): DriftSides | null {
  switch (type) {
    case 'numerical':
    case 'datetime': {
      if (reference.storage !== 'numeric' || current.storage !== 'numeric') {
        throw new RangeError(`column ${column}: a ${type} column must hold numeric values`);
      }
      // Sorted once here when the tests would sort every value anyway; a column over the tests' cap is sampled first.
      const sortHere = memo !== undefined || reference.values.length <= DRIFT_DEFAULTS.maxTestValues;
      const referenceNumbers = sortHere ? sortedFiniteNumbers(reference.values, memo) : dropMissingNumbers(reference.values);
      return { kind: 'numbers', reference: referenceNumbers, current: dropMissingNumbers(current.values), cache: {} };
    }
    case 'categorical':
    case 'boolean':
      return { kind: 'categories', table: countCategories(column, type, reference, current) };
    case 'embedding':
      if (reference.storage !== 'embedding' || current.storage !== 'embedding') {
        throw new RangeError(`column ${column}: an embedding column must hold vectors`);
      }
      if (reference.vectors.cols !== current.vectors.cols) {
        throw new RangeError(
          `column ${column}: reference embeddings have ${reference.vectors.cols} dimensions but current ones have ${current.vectors.cols}`,
        );
      }
      return { kind: 'vectors', reference, current, referencePresent: countPresent(reference), currentPresent: countPresent(current) };
    case 'text':
    case 'id':
      return null;
  }
}

/**
 * Non-missing values per side.
 * @example
 * sideSizes(sides); // [1000, 980]
 */
export function sideSizes(sides: DriftSides): readonly [number, number] {
  switch (sides.kind) {
    case 'numbers':
      return [sides.reference.length, sides.current.length];
    case 'categories':
      return [sides.table.referenceTotal, sides.table.currentTotal];
    case 'vectors':
      return [sides.referencePresent, sides.currentPresent];
  }
}
