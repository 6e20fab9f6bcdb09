import { Command, CommanderError, Option } from 'commander';
import { CLI_VERSION } from './cli-version.js';
import { UserInputError } from '@bothub/readers';
import { collectList } from './commands/cli-options.js';
import { addArtifactCommands } from './commands/artifact-commands.js';
import { addAuditCommands } from './commands/audit-commands.js';
import { checkCommand } from './commands/check-command.js';
import type { CheckCommandOptions } from './commands/check-command.js';
import { reportCommand } from './commands/report-command.js';
import { serveCommand } from './commands/serve-command.js';
import { demoCommand, parsePositive, parseSeed } from './commands/demo-command.js';
import type { DemoCommandOptions } from './commands/demo-command.js';
import type { ServeOptions } from './commands/serve-command.js';
import { ConfigError } from '@bothub/server';
import type { ReportCommandOptions } from './commands/report-command.js';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

function addDataOptions(command: Command): Command {
  return command
    .requiredOption('--reference <file>', 'reference data (training or validation): CSV, TSV, JSON Lines or Parquet')
    .requiredOption('--current <file>', 'current data (e.g. last week of production)')
    .option('--delimiter <char>', 'CSV delimiter (detected from the header line by default)')
    .option('--column-type <name=type>', 'override an inferred column type (repeatable)', collectList, [])
    .option('--ignore <columns>', 'columns to leave out (repeatable or comma-separated)', collectList, [])
    .option('--embedding-prefix <prefix>', 'columns sharing this prefix form one embedding column (repeatable)', collectList, [])
    .option('--target <column>', 'ground truth column')
    .option('--prediction <column>', 'predicted label or value column')
    .option('--score <column>', 'probability of the positive class (binary classification)')
    .option('--score-prefix <prefix>', 'one probability column per class, named PREFIX<class>')
    .option('--timestamp <column>', 'event time column')
    .option('--segment <column>', 'break every result down by this column')
    .option('--protected <column=privileged>', 'protected attribute and its privileged value, for fairness')
    .option('--tests <names>', 'extra drift tests on every applicable column: ks,chi2,psi,wasserstein,jensenshannon,hellinger,kl,cramervonmises,mmd')
    .option('--sample-size <rows>', 'rows kept per dataset for the statistics; larger inputs are sampled (stratified by target)', '1000000')
    .option('--seed <n>', 'seed of every randomized step', '42')
    .option('--confidence <level>', 'confidence level of the intervals', '0.95')
    .option('--dataset-drift-share <share>', 'share of drifted columns at which the dataset counts as drifted', '0.5')
    .option('--html <file>', 'write the self-contained HTML report')
    .option('--json <file>', 'write the JSON report (schema: docs/report-schema.md)')
    .option('-q, --quiet', 'no progress bar');
}

/**
 * Runs the `bothub` command line and returns its exit code: 0 success, 1 a failed check, 2 bad input.
 * User errors print one line naming the file, column and problem — never a stack trace.
 */
export async function main(argv: readonly string[], io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) }): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('bothub')
    .description('Bothub: drift, data-quality, performance and fairness reports for ML models')
    .version(CLI_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (t) => { io.out(t.trimEnd()); }, writeErr: (t) => { io.err(t.trimEnd()); } });

  addDataOptions(program.command('report').description('compare a reference and a current data set; write HTML and/or JSON')).action(async (options: ReportCommandOptions) => {
    exitCode = await reportCommand(options, io.out);
  });

  addDataOptions(program.command('check').description('a CI gate: exit 0 when every condition holds, 1 when one fails, 2 on bad input'))
    .addOption(new Option('--fail-on <condition>', 'dataset-drift, column-drift[:COLUMN] or four-fifths (repeatable)').argParser(collectList).default([]))
    .option('--max-drifted-share <share>', 'fail when the share of drifted columns is above this')
    .option('--max-missing-share <share>', 'fail when a column has more missing values than this share')
    .option('--min <metric=value>', 'fail when a current performance metric is below the value, e.g. rocAuc=0.8 (repeatable)', collectList, [])
    .option('--max <metric=value>', 'fail when a current performance metric is above the value, e.g. rmse=3 (repeatable)', collectList, [])
    .option('--conditions <file>', 'a YAML or JSON file of conditions (failOn, maxDriftedShare, maxMissingShare, min, max)')
    .action(async (options: CheckCommandOptions) => {
      exitCode = await checkCommand(options, io.out);
    });

  program
    .command('serve')
    .description('run the monitoring service: registry, ingestion, windows, monitors, metric history')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--port <port>', 'TCP port (default 8080)')
    .option('--data-dir <dir>', 'directory of the embedded SQLite database (default ./bothub-data)')
    .option('--database-url <url>', 'run on PostgreSQL instead (or BOTHUB_DATABASE_URL)')
    .option('--config <file>', 'a JSON configuration file (or BOTHUB_CONFIG)')
    .option('--dev', 'development mode: no authentication, every request is an admin; loopback hosts only (or BOTHUB_AUTH=development)')
    .option('--tls-cert <file>', 'PEM certificate (chain): serve HTTPS with HTTP/2 and HTTP/1.1 (or BOTHUB_TLS_CERT); needs --tls-key')
    .option('--tls-key <file>', 'PEM private key of --tls-cert (or BOTHUB_TLS_KEY)')
    .option('--metrics-port <port>', 'serve /metrics on a listener of its own, without authentication (or BOTHUB_METRICS_PORT)')
    .action(async (options: ServeOptions) => {
      exitCode = await serveCommand(options, io.out);
    });

  program
    .command('demo')
    .description('start the service with a bundled credit-default model whose traffic drifts, and print the dashboard address')
    .option('--seed <n>', 'seed of the reference set and the traffic: the same seed sends the same records', parseSeed, 42)
    .option('--speed <x>', 'demo-minutes per wall-clock minute (60: one demo-hour per minute; the drift shows within a minute)', parsePositive, 60)
    .option('--host <host>', 'loopback interface to listen on (default 127.0.0.1; the demo runs without authentication, so never on a network)')
    .option('--port <port>', 'TCP port (default 8080; 0 picks a free one)')
    .option('--data-dir <dir>', 'keep the SQLite database here (default a temporary directory removed on exit); a directory of an earlier demo gets a new model credit-demo-2 …')
    .option('--no-open', 'do not open the dashboard in a browser (it opens only from a terminal with a display)')
    .option('--duration <minutes>', 'stop after this many demo-minutes (default: run until Ctrl-C)', parsePositive)
    .addHelpText('after', '\nTimeline in demo time: 0:00 healthy, 0:45 feature shift (drift alert), 1:30 performance decay (labels 30 demo-minutes late), 3:00 recovery.')
    .action(async (options: DemoCommandOptions) => {
      exitCode = await demoCommand(options, io.out, io.err);
    });

  addArtifactCommands(program, {
    out: io.out,
    err: io.err,
    exit: (code) => {
      exitCode = code;
    },
  });

  addAuditCommands(program, {
    out: io.out,
    err: io.err,
    exit: (code) => {
      exitCode = code;
    },
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof UserInputError || error instanceof RangeError || error instanceof ConfigError) {
      io.err(`bothub: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    io.err(`bothub: unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}
