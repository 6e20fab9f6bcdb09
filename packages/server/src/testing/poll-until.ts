/**
 * Waiting in tests without fixed sleeps: poll a condition until it holds or a deadline passes.
 */

/**
 * Polls `check` every 100 ms until it returns a value other than undefined, or fails after `timeoutMs` with the last error it threw.
 *
 * @example
 * const points = await pollUntil('window evaluated', 30_000, async () => ((await load()).length > 0 ? await load() : undefined));
 */
export async function pollUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last === undefined ? '' : ` (last error: ${last})`}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
