import type { RawCell } from './row-source.js';

/**
 * A 53-bit hash of the given cells of a row (cyrb53, two 32-bit multiply–xorshift lanes), used to count duplicate rows
 * without keeping the rows. Cells are separated by a unit separator and typed cells hash through their text form
 * (a number 1 and a text "1" hash alike, as they would in a CSV). Two different rows collide with probability about
 * 2^−53, so over n rows the chance of any false duplicate is about n²/2^54 (≈ 6·10^−5 for 10^6 rows).
 * @example hashRow(['a', 1, null], Int32Array.of(0, 1, 2)) === hashRow(['a', '1', null], Int32Array.of(0, 1, 2)); // true
 */
export function hashRow(cells: readonly RawCell[], indices: Int32Array): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < indices.length; k++) {
    const cell = cells[indices[k]!];
    const text = typeof cell === 'string' ? cell : cellText(cell);
    const length = text.length;
    let i = 0;
    // Two UTF-16 units per step: half the multiplications of one unit per step, same mixing per step.
    for (; i + 1 < length; i += 2) {
      const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    if (i < length) {
      // Padded with U+FFFF (a noncharacter) so a last lone unit never hashes like a pair ending in U+0000.
      const c = text.charCodeAt(i) | 0xffff0000;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '\u0000';
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}
