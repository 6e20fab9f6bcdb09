import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedDashboardDir } from './installed-dashboard-dir.js';

describe('installedDashboardDir', () => {
  it('finds the workspace\'s dashboard package and names its build directory', () => {
    const dir = installedDashboardDir();
    expect(dir).not.toBeNull();
    expect(realpathSync(resolve(dir!, '..'))).toBe(realpathSync(resolve(import.meta.dirname, '../../dashboard')));
    expect(dir!.endsWith('dist')).toBe(true);
  });
});
