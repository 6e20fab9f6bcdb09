/**
 * A real HTTP receiver on loopback for channel and delivery tests: it records every request (method, path, headers,
 * raw body) and answers with what the test scripts, one answer per request in turn (the last one repeats); an answer
 * of `'hang'` never responds. Closing it ends every open connection.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body exactly as received (what a signature is checked over). */
  readonly body: string;
  /** performance.now() when the body had arrived (for latency measurements in the same process). */
  readonly at: number;
}

export type ReceiverAnswer = { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string } | 'hang';

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: readonly ReceivedRequest[];
  /** Replaces the scripted answers. */
  answer(...answers: ReceiverAnswer[]): void;
  close(): Promise<void>;
}

/**
 * @example
 * const receiver = await startHttpReceiver({ status: 429, headers: { 'retry-after': '7' } }, { status: 200 });
 * // first request: 429, every later one: 200
 * await receiver.close();
 */
export function startHttpReceiver(...initial: ReceiverAnswer[]): Promise<HttpReceiver> {
  return startHttpReceiverOn(0, ...initial);
}

/**
 * A receiver on a given port of 127.0.0.1 (0: any free one), e.g. to bring a receiver back where it was after an outage.
 *
 * @example
 * const port = receiver.port;
 * await receiver.close(); // the channel is down
 * const back = await startHttpReceiverOn(port);
 */
export async function startHttpReceiverOn(port: number, ...initial: ReceiverAnswer[]): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  let answers: ReceiverAnswer[] = initial.length > 0 ? initial : [{ status: 200, body: 'ok' }];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    answer(...next) {
      answers = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
