/**
 * The statistics core must run in a browser (the dashboard uses it): bundle it for the browser platform and run the
 * bundle in a bare V8 context that has only the ECMAScript built-ins — no process, no Buffer, no require, no timers.
 */
import { createContext, runInContext } from 'node:vm';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createRandom, ksTest, mmdPermutationTest, rocAuc } from '../src/index.js';

async function bundleForBrowser(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, '../src/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'BothubStats',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('browser bundle of @bothub/stats', () => {
  it('bundles with no Node built-ins and computes the same numbers in a context with only ECMAScript globals', async () => {
    const code = await bundleForBrowser();
    const context = createContext({});
    expect(runInContext('typeof process + typeof require + typeof Buffer + typeof setTimeout', context)).toBe('undefinedundefinedundefinedundefined');
    runInContext(code, context);
    const reference = [0.1, 0.4, 0.35, 0.8, 0.95, 0.05, 0.6];
    const current = [0.5, 0.9, 1.2, 0.7, 1.4];
    const vectors = (shift: number): number[][] => Array.from({ length: 12 }, (_, i) => [Math.sin(i) + shift, Math.cos(i * 1.7)]);
    const inBundle = runInContext(
      `({
        ks: BothubStats.ksTest(${JSON.stringify(reference)}, ${JSON.stringify(current)}),
        auc: BothubStats.rocAuc([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]),
        mmd: BothubStats.mmdPermutationTest(${JSON.stringify(vectors(0))}, ${JSON.stringify(vectors(0.5))}, { permutations: 50, rng: BothubStats.createRandom(3) }),
      })`,
      context,
    ) as { ks: unknown; auc: unknown; mmd: unknown };
    // Objects made in another V8 context have other prototypes: compare through JSON.
    expect(JSON.parse(JSON.stringify(inBundle.ks))).toEqual(JSON.parse(JSON.stringify(ksTest(reference, current))));
    expect(JSON.parse(JSON.stringify(inBundle.auc))).toEqual(rocAuc([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]));
    expect(JSON.parse(JSON.stringify(inBundle.mmd))).toEqual(
      JSON.parse(JSON.stringify(mmdPermutationTest(vectors(0), vectors(0.5), { permutations: 50, rng: createRandom(3) }))),
    );
  });
});
