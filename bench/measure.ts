/** Median of a list of numbers (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times `work` `repeats` times, in milliseconds, after one untimed warm-up (so the JIT has compiled it) unless
 * `warmUp` is false (long end-to-end items). Asynchronous work is awaited.
 */
export async function timeOurs(work: () => unknown, repeats: number, warmUp = true): Promise<number[]> {
  let sink: unknown = warmUp ? await work() : undefined;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    sink = await work();
    times.push(performance.now() - start);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return times;
}
