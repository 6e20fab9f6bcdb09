import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { formatDemoMinute, formatDemoStatus } from '../demo/format-demo-status.js';
import { openDashboard, shouldOpenBrowser } from '../demo/open-dashboard.js';
import { DEMO_TIMELINE } from '../demo/demo-timeline.js';
import { startDemo } from '../demo/start-demo.js';
import type { DemoEvents } from '../demo/start-demo.js';

export interface DemoCommandOptions {
  seed: number;
  speed: number;
  host?: string;
  port?: string;
  dataDir?: string;
  /** false with --no-open. */
  open: boolean;
  duration?: number;
}

/** Wall-clock ms between two printed status lines. */
const STATUS_EVERY_MS = 10_000;

/** commander argument parsers: a bad value is a usage error naming the option. */
export function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('--seed must be a whole number ≥ 0.');
  return value;
}

export function parsePositive(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('must be a number above 0.');
  return value;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/**
 * `bothub demo`: the service with a credit-default model whose traffic drifts, on screen within a minute. Starts the
 * service on an embedded SQLite database (a temporary directory removed on exit unless --data-dir is given), prints
 * the dashboard's address and a status line as the story unfolds, and runs until Ctrl-C (or --duration demo-minutes).
 * Exit code 0, 2 for bad flags or a port in use, 1 when the demo failed.
 */
export async function demoCommand(options: DemoCommandOptions, out: (text: string) => void, err: (text: string) => void = out): Promise<number> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bothub-demo-'));
  let demo: Awaited<ReturnType<typeof startDemo>>;
  try {
    demo = await startDemo({
      dataDir,
      seed: options.seed,
      speed: options.speed,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.duration === undefined ? {} : { durationMinutes: options.duration }),
    });
  } catch (error) {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    if (isAddressInUse(error)) {
      err(`bothub: port ${options.port ?? '8080'} is in use: choose another with --port (0 picks a free one)`);
      return 2;
    }
    throw error;
  }

  const dashboard = `${demo.url}/`;
  out(`Bothub demo: model "${demo.model}" (credit default), seed ${options.seed}, speed ${options.speed}× (${formatDemoMinute(options.speed)} h:mm of demo time per minute)`);
  out(`Dashboard: ${dashboard}   API: ${demo.url}/docs`);
  out(`Data: SQLite in ${dataDir}${temporary ? ' (removed on exit)' : ''}`);
  out(`Timeline (demo h:mm): ${DEMO_TIMELINE.map((p) => `${formatDemoMinute(p.startMinute)} ${p.name}`).join(' → ')}; labels arrive 30 demo-minutes late. Ctrl-C stops.`);
  if (shouldOpenBrowser({ noOpen: !options.open, isTTY: process.stdout.isTTY, platform: process.platform, env: process.env })) {
    void openDashboard(dashboard);
  }

  let lastPrinted = 0;
  demo.on('phase', (phase) => {
    out(`▶ ${formatDemoMinute(phase.startMinute)} ${phase.description}`);
  });
  demo.on('alert', (alert) => {
    const where = [alert.feature, alert.segment === null ? null : `segment ${alert.segment}`].filter((x) => x !== null).join(', ');
    out(`⚠ alert (${alert.severity}) ${alert.metric}${where ? ` [${where}]` : ''}: ${alert.reason}`);
  });
  demo.on('status', (status) => {
    if (performance.now() - lastPrinted < STATUS_EVERY_MS) return;
    lastPrinted = performance.now();
    out(`  ${formatDemoStatus(status)}`);
  });

  let onSignal = (): void => undefined;
  const outcome = await new Promise<DemoEvents['end'][0] | 'signal' | Error>((resolve) => {
    onSignal = () => {
      resolve('signal');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    demo.finished.then(
      (reason) => {
        if (reason === 'caught-up') {
          out('Demo time has caught up with the clock: traffic stops here; the service keeps running until Ctrl-C.');
          return;
        }
        resolve(reason);
      },
      (error: unknown) => {
        resolve(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);

  out(`  ${formatDemoStatus(demo.status())}`);
  out('Shutting down…');
  await demo.stop();
  if (temporary) rmSync(dataDir, { recursive: true, force: true });
  if (outcome instanceof Error) {
    err(`bothub: the demo stopped: ${outcome.message}`);
    return 1;
  }
  return 0;
}
