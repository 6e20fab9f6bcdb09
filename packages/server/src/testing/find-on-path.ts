/**
 * Finds a command on PATH, for tests that drive a machine's binary (chromium, prometheus) and skip without it.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * @example
 * const prometheus = findOnPath('prometheus'); // '/usr/bin/prometheus', or null
 */
export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
