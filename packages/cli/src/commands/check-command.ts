import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkConditions, parseConditionsDocument, parseFailOn, parseMetricBound, parseShare } from '@bothub/core';
import type { CheckCondition } from '@bothub/core';
import { renderHtmlReport } from '../render/index.js';
import { formatSummary } from '../format/format-summary.js';
import { UserInputError } from '@bothub/readers';
import type { DataOptions } from './cli-options.js';
import { runReport } from './run-report.js';

export interface CheckCommandOptions extends DataOptions {
  failOn: string[];
  maxDriftedShare?: string;
  maxMissingShare?: string;
  min: string[];
  max: string[];
  conditions?: string;
  html?: string;
  json?: string;
}

async function readConditionsFile(path: string): Promise<CheckCondition[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserInputError(`cannot read the conditions file: ${(error as Error).message}`, { file: path });
  }
  let doc: unknown;
  try {
    doc = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserInputError(`the conditions file is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`, { file: path });
  }
  return parseConditionsDocument(doc, path);
}

/** The conditions from the flags and the optional file; at least one is required. */
export async function conditionsFrom(options: CheckCommandOptions): Promise<CheckCondition[]> {
  const conditions: CheckCondition[] = [
    ...options.failOn.map(parseFailOn),
    ...(options.maxDriftedShare === undefined ? [] : [{ kind: 'max-drifted-share' as const, value: parseShare('--max-drifted-share', options.maxDriftedShare) }]),
    ...(options.maxMissingShare === undefined ? [] : [{ kind: 'max-missing-share' as const, value: parseShare('--max-missing-share', options.maxMissingShare) }]),
    ...options.min.map((v) => parseMetricBound('min', v)),
    ...options.max.map((v) => parseMetricBound('max', v)),
    ...(options.conditions ? await readConditionsFile(options.conditions) : []),
  ];
  if (conditions.length === 0) {
    throw new UserInputError('bothub check needs at least one condition: --fail-on dataset-drift, --max-drifted-share 0.3, --min rocAuc=0.8, or --conditions FILE');
  }
  return conditions;
}

/** `bothub check`: exit 0 when every condition holds, 1 when any fails (bad input is thrown and becomes 2). */
export async function checkCommand(options: CheckCommandOptions, out: (text: string) => void): Promise<number> {
  const conditions = await conditionsFrom(options);
  const report = await runReport(options);
  const outcome = checkConditions(report, conditions);
  if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.html) await writeFile(options.html, renderHtmlReport(report));
  out(formatSummary(report, outcome));
  return outcome.passed ? 0 : 1;
}
