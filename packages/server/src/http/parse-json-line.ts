import { ApiError } from './errors.js';

/** Cheap test of the line's text before looking for poisoned keys: a key can only be spelled so, or with escapes. */
const SUSPECT = /__proto__|constructor|\\u/;

/**
 * The first `__proto__` key, or `constructor` key holding a `prototype`, in a parsed value; walked without recursion,
 * as a line may nest thousands of levels deep.
 */
function poisonedKey(root: unknown): string | undefined {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value)) {
      if (Object.hasOwn(value, '__proto__')) return '__proto__';
      const constructor = Object.hasOwn(value, 'constructor') ? (value as { constructor: unknown }).constructor : undefined;
      if (typeof constructor === 'object' && constructor !== null && Object.hasOwn(constructor, 'prototype')) return 'constructor.prototype';
    }
    for (const child of Object.values(value)) pending.push(child);
  }
  return undefined;
}

/**
 * One line of a JSON Lines body, parsed; a line that is not JSON is an `invalid_json` error naming its number. Keys
 * that could poison a prototype (`__proto__`, `constructor.prototype`) are refused the same way, as Fastify refuses
 * them in JSON bodies.
 *
 * @example
 * parseJsonLine('{"features":{}}', 3); // { features: {} }
 */
export function parseJsonLine(line: string, lineNumber: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ApiError('invalid_json', { line: lineNumber }, `Line ${lineNumber} of the JSON Lines body is not valid JSON: ${(error as Error).message}`);
  }
  const poisoned = SUSPECT.test(line) ? poisonedKey(value) : undefined;
  if (poisoned !== undefined) throw new ApiError('invalid_json', { line: lineNumber }, `Line ${lineNumber} of the JSON Lines body holds a forbidden key (${poisoned}).`);
  return value;
}
