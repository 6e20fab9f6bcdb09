import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRandom, sampleStandardNormal } from '@bothub/stats';

export interface TabularCsvOptions {
  readonly rows: number;
  readonly seed: number;
  /** Numerical feature columns num_0 … (default 15). */
  readonly numerical?: number;
  /** Categorical feature columns cat_0 … with 8 levels each (default 5). */
  readonly categorical?: number;
  /** Mean shift, in standard deviations, applied to the first three numerical columns (default 0). */
  readonly shift?: number;
}

/**
 * Streams a seeded synthetic table to a CSV file: numerical and categorical features, a binary `target` that
 * depends on them, and a model `score`. Used by the report benchmark (1,000,000 rows × 22 columns).
 * @example await writeTabularCsv('/tmp/ref.csv', { rows: 1000, seed: 1 });
 */
export async function writeTabularCsv(path: string, options: TabularCsvOptions): Promise<void> {
  const rng = createRandom(options.seed);
  const numerical = options.numerical ?? 15;
  const categorical = options.categorical ?? 5;
  const shift = options.shift ?? 0;
  const header = [
    ...Array.from({ length: numerical }, (_, i) => `num_${i}`),
    ...Array.from({ length: categorical }, (_, i) => `cat_${i}`),
    'target',
    'score',
  ];
  const out = createWriteStream(path);
  let chunk = `${header.join(',')}\n`;
  const cells: string[] = new Array<string>(header.length);
  for (let r = 0; r < options.rows; r++) {
    let logit = -0.5;
    for (let i = 0; i < numerical; i++) {
      const x = sampleStandardNormal(rng) + (i < 3 ? shift : 0);
      if (i < 4) logit += 0.6 * x;
      cells[i] = x.toFixed(4);
    }
    for (let i = 0; i < categorical; i++) {
      const level = Math.floor(rng.nextFloat() ** 1.5 * 8);
      if (i === 0) logit += level * 0.1;
      cells[numerical + i] = `level_${level}`;
    }
    const p = 1 / (1 + Math.exp(-logit));
    cells[numerical + categorical] = rng.nextFloat() < p ? '1' : '0';
    cells[numerical + categorical + 1] = (1 / (1 + Math.exp(-(logit + 0.8 * sampleStandardNormal(rng))))).toFixed(4);
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
