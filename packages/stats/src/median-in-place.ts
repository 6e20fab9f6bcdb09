/**
 * The median of `values` as numpy.median gives it (the mean of the two middle values for an even count), found by
 * quickselect in O(n) on average instead of a full sort. Reorders `values`; inputs must hold no NaN.
 * @throws RangeError for an empty input.
 * @example medianInPlace(new Float64Array([3, 1, 4, 2])); // 2.5
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) throw new RangeError('medianInPlace: the input is empty');
  const upper = n >> 1;
  selectInPlace(values, upper);
  if (n % 2 === 1) return values[upper]!;
  // After selection every value left of `upper` is ≤ it: the lower middle value is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < upper; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + values[upper]!) / 2;
}

/** Puts the k-th smallest value at index k, smaller-or-equal values left of it and greater-or-equal right (Hoare). */
function selectInPlace(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed inputs linear.
    const mid = (left + right) >>> 1;
    const pivot = medianOfThree(a[left]!, a[mid]!, a[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
