/**
 * Bodies beyond plain JSON, for bulk ingestion: gzip-encoded bodies and JSON Lines (`application/x-ndjson`).
 */
import { createGunzip } from 'node:zlib';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';
import { parseJsonLine } from './parse-json-line.js';

/** The media types of JSON Lines bodies. */
export const NDJSON_TYPES: readonly string[] = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];
const ndjsonBodies = new WeakSet<readonly unknown[]>();

/**
 * The lines of a JSON Lines body, or undefined when the body came as JSON; routes wrap them as their batch field.
 *
 * @example
 * const lines = ndjsonLines(request.body);
 * if (lines !== undefined) request.body = { records: lines };
 */
export function ndjsonLines(body: unknown): unknown[] | undefined {
  return Array.isArray(body) && ndjsonBodies.has(body) ? body : undefined;
}

/**
 * A preValidation hook for batch routes: a JSON Lines body becomes `{ [field]: lines }` before schema validation,
 * so both encodings meet one schema.
 *
 * @example
 * app.post('/models/:model/predictions', { preValidation: wrapNdjsonBody('records'), schema, handler });
 */
export function wrapNdjsonBody(field: string): (request: FastifyRequest) => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify hooks are async or take a callback
  return async (request) => {
    const lines = ndjsonLines(request.body);
    if (lines !== undefined) request.body = { [field]: lines };
  };
}

function parseNdjson(text: string): unknown[] {
  const lines: unknown[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber += 1;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(parseJsonLine(line, lineNumber));
    start = end + 1;
  }
  ndjsonBodies.add(lines);
  return lines;
}

/**
 * Adds gzip decoding (the body limit then applies to the decoded size, so a small bomb cannot expand past it; a
 * route's own `bodyLimit`, as the reference upload's, replaces the app's) and the JSON Lines parser.
 *
 * @example
 * registerBodyParsers(app);
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (encoding === undefined || encoding === '' || encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'x-gzip') throw new ApiError('unsupported_encoding', { encoding });
    const limit = request.routeOptions.bodyLimit;
    const gunzip = createGunzip();
    let decoded = 0;
    const output: Transform & { receivedEncodedLength?: number } = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        decoded += chunk.length;
        // Fastify answers 413 on the chunk that passes the limit; stop inflating there rather than decode a bomb to its end.
        if (decoded > limit) {
          payload.unpipe(gunzip);
          gunzip.destroy();
        }
        callback(null, chunk);
      },
    });
    // Fastify compares Content-Length with the bytes received on the wire, which it reads from this property.
    output.receivedEncodedLength = 0;
    payload.on('data', (chunk: Buffer) => {
      output.receivedEncodedLength = (output.receivedEncodedLength ?? 0) + chunk.length;
    });
    payload.on('error', (error) => output.destroy(error));
    gunzip.on('error', (error) => output.destroy(error));
    // A body Fastify never reads (an unsupported Content-Type answers 415 first) has no reader listening for its
    // errors: without this listener, bytes that are not gzip would throw from the stream and end the process.
    output.on('error', () => undefined);
    return payload.pipe(gunzip).pipe(output);
  });
  app.addContentTypeParser([...NDJSON_TYPES], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseNdjson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
