import { useEffect, useState } from 'react';

/**
 * The current time, rounded down to `stepMs` and updated every step, so renders stay pure and query keys built from
 * it change once a step, not on every render.
 *
 * @example
 * const now = useNow(60_000);
 */
export function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / stepMs) * stepMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / stepMs) * stepMs), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
