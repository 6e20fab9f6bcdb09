/**
 * The canonical serialization the audit chain hashes: the JSON Canonicalization Scheme (RFC 8785) for plain JSON
 * values. Object members sorted by key (UTF-16 code units, as RFC 8785 §3.2.3 says), no whitespace, strings and
 * numbers as ECMAScript's JSON.stringify writes them (which is what RFC 8785 specifies). Written here rather than
 * taken from the `canonicalize` package because that package's current release needs Node 22.
 */

/** A plain JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * The canonical JSON text of a value; members whose value is undefined are left out (as JSON.stringify does).
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 'x'] }); // '{"a":[true,null,"x"],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as { readonly [key: string]: JsonValue | undefined };
    const members = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key]!)}`);
    return `{${members.join(',')}}`;
  }
  throw new RangeError(`canonicalJson: a ${typeof value} is not a JSON value`);
}
