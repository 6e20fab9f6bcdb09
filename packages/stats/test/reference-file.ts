import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Path of the reference values: BOTHUB_STATS_REFERENCE, or the project's shared file beside the repository. */
export function referenceFilePath(): string {
  return process.env.BOTHUB_STATS_REFERENCE ?? resolve(import.meta.dirname, '../../../../shared/reference/stats-reference.json');
}

/** The parsed reference file: one array of cases per section (one object for the Isolation Forest detection case). */
export function loadReferenceFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(referenceFilePath(), 'utf8')) as Record<string, unknown>;
}
