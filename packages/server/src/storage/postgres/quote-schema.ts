const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The schema name as a quoted SQL identifier. Only plain names are allowed, so the name can also go into `SET`
 * statements, which take no parameters.
 *
 * @example
 * quoteSchema('bothub_test_1a2b'); // '"bothub_test_1a2b"'
 */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`quoteSchema: schema name "${schema}" must be letters, digits and "_", not starting with a digit, at most 63 characters`);
  return `"${schema}"`;
}
