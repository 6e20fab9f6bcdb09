/**
 * Bodies read as streams within a byte limit of their own, for routes whose bodies may be far larger than the app's
 * limit (a reference data set): to a temporary file rather than to memory, or as text within a smaller limit.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from './errors.js';

/** A byte limit (after gzip decoding) and the setting that sets it, so a 413 tells the operator what to raise. */
export interface BodyLimit {
  readonly bytes: number;
  readonly setting: string;
  /** What a client with a larger body can do instead, appended to the message. */
  readonly hint?: string;
}

/** Where the body is read from, its limit and its declared size (Content-Length, when the body is not encoded). */
export interface StreamedBody {
  readonly stream: Readable;
  readonly limit: BodyLimit;
  readonly declaredBytes?: number;
}

/**
 * The body's declared size from Content-Length, which bounds the decoded size only when the body is not encoded.
 *
 * @example
 * const body = { stream: request.body as Readable, limit, ...declaredBytes(request.headers) };
 */
export function declaredBytes(headers: Record<string, string | string[] | undefined>): { declaredBytes?: number } {
  const length = Number(headers['content-length']);
  return headers['content-encoding'] === undefined && Number.isFinite(length) ? { declaredBytes: length } : {};
}

function tooLarge(limit: BodyLimit): ApiError {
  const message = `The body is larger than the limit of ${limit.bytes} bytes (${limit.setting})`;
  return new ApiError('body_too_large', { limit: limit.bytes, setting: limit.setting }, limit.hint === undefined ? `${message}.` : `${message}; ${limit.hint}.`);
}

/**
 * The body's chunks, failing with 413 on the one past the limit. The request stream is not destroyed on failure (that
 * would reset the connection before the 413 is sent): reading just stops.
 *
 * @example
 * for await (const chunk of limitedChunks({ stream: request.body, limit: { bytes: 1024 ** 3, setting: 'artifactBodyLimitBytes' } })) hash.update(chunk);
 */
export async function* limitedChunks(body: StreamedBody): AsyncGenerator<Buffer> {
  if (body.declaredBytes !== undefined && body.declaredBytes > body.limit.bytes) throw tooLarge(body.limit);
  let received = 0;
  for await (const chunk of body.stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += bytes.length;
    if (received > body.limit.bytes) throw tooLarge(body.limit);
    yield bytes;
  }
}

/**
 * The whole body as UTF-8 text, or a 413 `body_too_large` naming the limit and its setting.
 *
 * @example
 * const text = await readBodyText({ stream: payload, limit: { bytes: 16_777_216, setting: 'bodyLimitBytes' } });
 */
export async function readBodyText(body: StreamedBody): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of limitedChunks(body)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Streams the body to a file in a new temporary directory (under `directory`, default the OS's), calls `use` with
 * the file's path and removes the directory afterwards, whether `use` or the upload succeeded or failed. A body past
 * the limit is a 413 `body_too_large` naming the limit and its setting.
 *
 * @example
 * const rows = await withBodyInTemporaryFile(
 *   { stream: request.body, limit: { bytes: 1024 ** 3, setting: 'referenceBodyLimitBytes' } },
 *   'reference.csv',
 *   (file) => countRows(file),
 * );
 */
export async function withBodyInTemporaryFile<T>(body: StreamedBody, fileName: string, use: (file: string) => Promise<T>, directory: string = tmpdir()): Promise<T> {
  const dir = await mkdtemp(join(directory, 'bothub-upload-'));
  try {
    const file = join(dir, fileName);
    await pipeline(limitedChunks(body), createWriteStream(file));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
