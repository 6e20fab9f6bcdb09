import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '@bothub/core';
import type { Report } from '@bothub/core';
import { EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK, main } from './main.js';

const examples = resolve(import.meta.dirname, '../../../examples/data');
const REF = join(examples, 'credit-reference.csv');
const CUR = join(examples, 'credit-current.csv');
const ROLES = ['--target', 'repaid', '--score', 'score', '--segment', 'region', '--protected', 'gender=male', '--quiet'];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'bothub-cli-'));

describe('bothub report', () => {
  it('writes a JSON report that matches the published schema and an HTML file, and prints the verdict', async () => {
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const { code, out } = await run(['report', '--reference', REF, '--current', CUR, ...ROLES, '--tests', 'psi,ks', '--json', json, '--html', html]);
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/^DRIFT: /);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect([...Value.Errors(ReportSchema, report)].map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(report.columns.income!.drift!.drifted).toBe(true);
    expect(report.columns.region!.drift!.drifted).toBe(true);
    expect(report.columns.age!.drift!.drifted).toBe(false);
    expect(report.columns.income!.tests.psi!.statistic).toBeGreaterThan(0.1);
    expect(report.columns.income!.tests.ks!.pValue).toBeLessThan(1e-6);
    expect(report.performance!.current.rocAuc!.value).toBeLessThan(report.performance!.reference.rocAuc!.value!);
    expect(report.fairness!.column).toBe('gender');
    expect(report.segments!.segments.map((s) => s.value).sort()).toEqual(['east', 'north', 'south', 'west']);
    expect(report.segments!.worst[0]).toBe('west');
    for (const segment of report.segments!.segments) expect(segment.performance!.rocAuc).toBeGreaterThan(0.5);
    expect(report.fairness!.current.fourFifthsRule.passed).toBe(false);
    expect(readFileSync(html, 'utf8')).toContain('<script type="application/json" id="report-data">');
  });
});

describe('bothub report on a multiclass model with one score column per class (--score-prefix)', () => {
  it('finds the class columns by prefix and reports multiclass metrics', async () => {
    const rows = (shift: number): string =>
      Array.from({ length: 300 }, (_, i) => {
        const label = ['cat', 'dog', 'eel'][i % 3]!;
        const hit = (i * 7 + shift) % 10 < 7;
        const p = { cat: 0.1, dog: 0.1, eel: 0.1 };
        p[hit ? (label as keyof typeof p) : label === 'cat' ? 'dog' : 'cat'] = 0.8;
        return `${(i % 17) + shift},${label},${p.cat},${p.dog},${p.eel}`;
      }).join('\n');
    const ref = join(dir, 'multi-ref.csv');
    const cur = join(dir, 'multi-cur.csv');
    writeFileSync(ref, `x,animal,p_cat,p_dog,p_eel\n${rows(0)}\n`);
    writeFileSync(cur, `x,animal,p_cat,p_dog,p_eel\n${rows(3)}\n`);
    const json = join(dir, 'multi.json');
    const { code } = await run(['report', '--reference', ref, '--current', cur, '--target', 'animal', '--score-prefix', 'p_', '--json', json, '--quiet']);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.roles.scoreColumns).toEqual(['p_cat', 'p_dog', 'p_eel']);
    expect(report.performance!.task).toBe('multiclass_classification');
    expect(report.performance!.reference.accuracy!.value).toBeCloseTo(0.7, 10);
    expect(report.performance!.current.f1Macro!.value).toBeGreaterThan(0);
  });
});

describe('bothub check', () => {
  it('exits 0 when every condition holds and 1 when one fails, listing each condition', async () => {
    const pass = await run(['check', '--reference', REF, '--current', REF, '--target', 'repaid', '--score', 'score', '--quiet', '--fail-on', 'dataset-drift', '--min', 'rocAuc=0.6']);
    expect(pass.out).toContain('PASS  --fail-on dataset-drift');
    expect(pass.code).toBe(EXIT_OK);
    const fail = await run(['check', '--reference', REF, '--current', CUR, ...ROLES, '--fail-on', 'dataset-drift', '--max-drifted-share', '0.5', '--min', 'rocAuc=0.7']);
    expect(fail.code).toBe(EXIT_CHECK_FAILED);
    expect(fail.out).toContain('FAIL  --fail-on dataset-drift');
    expect(fail.out).toContain('PASS  --max-drifted-share 0.5');
    expect(fail.out).toMatch(/FAIL {2}--min rocAuc=0\.7: current rocAuc = 0\.6\d+/);
  });

  it('reads conditions from a YAML file', async () => {
    const file = join(dir, 'gate.yaml');
    writeFileSync(file, 'failOn: [column-drift:age]\nmin:\n  rocAuc: 0.5\n');
    const { code, out } = await run(['check', '--reference', REF, '--current', CUR, ...ROLES, '--conditions', file]);
    expect(out).toContain('PASS  --fail-on column-drift:age');
    expect(code).toBe(EXIT_OK);
  });
});

describe('bad input exits 2 with one line naming the file, column and problem', () => {
  it.each([
    ['a missing file', ['report', '--reference', join(dir, 'nope.csv'), '--current', CUR], /nope\.csv/],
    ['an absent role column', ['report', '--reference', REF, '--current', CUR, '--target', 'churned'], /churned/],
    ['an unknown test', ['report', '--reference', REF, '--current', CUR, '--tests', 'ks,magic'], /--tests: unknown test "magic"/],
    ['a bad column type', ['report', '--reference', REF, '--current', CUR, '--column-type', 'age=number'], /--column-type/],
    ['a check without conditions', ['check', '--reference', REF, '--current', CUR], /needs at least one condition/],
    ['a bad --min', ['check', '--reference', REF, '--current', CUR, '--min', 'rocAuc'], /--min: expected METRIC=NUMBER/],
    ['a missing required option', ['report', '--reference', REF], /--current/],
  ])('%s', async (_, args, message) => {
    const { code, err } = await run([...args, '--quiet']);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an empty file, and a target with one class', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = await run(['report', '--reference', empty, '--current', CUR, '--quiet']);
    expect(e.code).toBe(EXIT_BAD_INPUT);
    expect(e.err).toContain('empty.csv');
    const oneClass = join(dir, 'one-class.csv');
    writeFileSync(oneClass, `x,y,p\n${Array.from({ length: 50 }, (_, i) => `${i},1,0.${i % 9}`).join('\n')}\n`);
    const o = await run(['report', '--reference', oneClass, '--current', oneClass, '--target', 'y', '--score', 'p', '--quiet']);
    expect(o.code).toBe(EXIT_BAD_INPUT);
    expect(o.err).toMatch(/"?y"?.*single class/);
  });
});
