import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('examples/drift-comparison (the README main command)', () => {
  it('runs on the bundled credit data and finds the drift injected into income and region, and the AUC decay', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'drift-comparison.ts')], { encoding: 'utf8' });
    expect(output).toContain('Dataset drift: 2 of 7 features drifted (income, region).');
    const auc = /reference: (0\.\d+) .*current: (0\.\d+)/.exec(output);
    expect(auc).not.toBeNull();
    expect(Number(auc![1])).toBeGreaterThan(Number(auc![2]));
  });
});
