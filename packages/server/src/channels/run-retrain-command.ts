/**
 * The command form of the retraining trigger: the administrator's command runs without a shell (its arguments are
 * passed as they are, nothing in a notification can inject one), with the notification as JSON on standard input and
 * a small environment (PATH, HOME, LANG, TZ and BOTHUB_IDEMPOTENCY_KEY: the service's own secrets stay out of it).
 * Exit 0 is delivered; a non-zero exit or a timeout is a failure worth retrying (the command can de-duplicate on the
 * idempotency key); a command that cannot be started is not.
 */
import { spawn } from 'node:child_process';
import type { Notification } from '@bothub/core';
import type { SendOutcome } from './send-outcome.js';

export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;

const TAIL_CHARS = 1000;

function commandEnv(idempotencyKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { BOTHUB_IDEMPOTENCY_KEY: idempotencyKey };
  for (const name of ['PATH', 'HOME', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * @example
 * const outcome = await runRetrainCommand(['/opt/ml/retrain.sh', '--queue', 'nightly'], notification, { timeoutMs: 60_000 });
 * if (!outcome.ok) console.error(outcome.error); // 'The retrain command failed (exit 2): <the end of stderr>'
 */
export function runRetrainCommand(command: readonly string[], notification: Notification, options: { readonly timeoutMs?: number } = {}): Promise<SendOutcome> {
  const [file, ...args] = command;
  if (file === undefined) return Promise.resolve({ ok: false, retryable: false, error: 'The retrain command is empty.' });
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return new Promise<SendOutcome>((resolve) => {
    // Standard output is not read (nothing would use it); standard error keeps only its end, for the failure message.
    // Its own process group, so a timeout ends what the command started too (a script's children hold its stderr open).
    const child = spawn(file, args, { shell: false, detached: true, stdio: ['pipe', 'ignore', 'pipe'], env: commandEnv(notification.idempotencyKey), windowsHide: true });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-TAIL_CHARS);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, retryable: false, error: `The retrain command ${file} cannot be started: ${error.code ?? error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve({ ok: true });
        return;
      }
      const output = stderr.trim();
      const detail = output === '' ? '' : `: ${output}`;
      const how = timedOut ? `timed out after ${timeoutMs} ms` : code === null ? `killed by ${signal ?? 'a signal'}` : `exit ${code}`;
      resolve({ ok: false, retryable: true, error: `The retrain command failed (${how})${detail}` });
    });
    // A command that exits without reading its input closes the pipe; that is its answer, not ours to fail on.
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(notification));
  });
}
