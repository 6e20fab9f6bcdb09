/**
 * What a column holds, which decides how it is stored, which drift test applies and which quality checks run.
 * - numerical: real numbers; boolean: true/false (stored as 0/1); datetime: instants (stored as epoch milliseconds);
 * - categorical: a limited set of labels; text: free text (high cardinality, long strings); id: unique per row;
 * - embedding: fixed-length numeric vectors (a JSON array column, or columns sharing a prefix).
 */
export const COLUMN_TYPES = ['numerical', 'categorical', 'boolean', 'text', 'datetime', 'id', 'embedding'] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];

/** True for the types whose values are stored as numbers (NaN for missing). */
export function isNumericStorage(type: ColumnType): boolean {
  return type === 'numerical' || type === 'boolean' || type === 'datetime';
}
