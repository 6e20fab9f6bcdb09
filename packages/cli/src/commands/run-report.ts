import { buildReport, describeTargetProblem } from '@bothub/core';
import type { Report } from '@bothub/core';
import { readDatasets, UserInputError } from '@bothub/readers';
import { CLI_VERSION } from '../cli-version.js';
import { createProgressBar } from '../progress/index.js';
import type { DataOptions } from './cli-options.js';
import { reportOptionsFrom, rolesFrom, sampleSizeFrom, parseColumnTypes } from './cli-options.js';

/** Reads both files (streamed, with a progress bar on a terminal) and builds the report: the shared core of `report` and `check`. */
export async function runReport(options: DataOptions, now: () => Date = () => new Date()): Promise<Report> {
  const roles = rolesFrom(options);
  const reportOptions = reportOptionsFrom(options, roles);
  const requiredColumns = [roles.target, roles.prediction, roles.score, roles.timestamp, roles.segment, roles.protected?.column].filter(
    (c): c is string => c !== undefined,
  );
  const progress = createProgressBar({ quiet: options.quiet === true });
  let datasets: Awaited<ReturnType<typeof readDatasets>>;
  try {
    datasets = await readDatasets(options.reference, options.current, {
      columnTypes: parseColumnTypes(options.columnType),
      ignore: options.ignore,
      embeddingPrefixes: options.embeddingPrefix,
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      sampleSize: sampleSizeFrom(options),
      ...(roles.target ? { stratifyBy: roles.target } : {}),
      seed: reportOptions.seed,
      requiredColumns,
      onProgress: (p) => {
        progress.update(p);
      },
    });
  } finally {
    progress.stop();
  }
  const scoreColumns = options.scorePrefix
    ? [...datasets.reference.columns.keys()].filter((name) => name.startsWith(options.scorePrefix!))
    : [];
  const targetProblem = describeTargetProblem(datasets.reference, datasets.current, roles);
  if (targetProblem !== null) throw new UserInputError(targetProblem, roles.target === undefined ? {} : { column: roles.target });
  const finalOptions = scoreColumns.length ? { ...reportOptions, roles: { ...roles, scoreColumns } } : reportOptions;
  return buildReport(datasets.reference, datasets.current, finalOptions, {
    generatedAt: now().toISOString(),
    toolVersion: CLI_VERSION,
    formats: datasets.formats,
  });
}
