import { writeFile } from 'node:fs/promises';
import { renderHtmlReport } from '../render/index.js';
import { formatSummary } from '../format/format-summary.js';
import type { DataOptions } from './cli-options.js';
import { runReport } from './run-report.js';

export interface ReportCommandOptions extends DataOptions {
  html?: string;
  json?: string;
}

/** `bothub report`: writes the JSON and/or HTML report and prints the summary. Exit code 0 (bad input is thrown). */
export async function reportCommand(options: ReportCommandOptions, out: (text: string) => void): Promise<number> {
  const report = await runReport(options);
  if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.html) await writeFile(options.html, renderHtmlReport(report));
  out(formatSummary(report));
  const written = [options.json, options.html].filter(Boolean);
  out(written.length ? `\nWrote ${written.join(' and ')}.` : '\nNo file written: add --html report.html and/or --json report.json.');
  return 0;
}
