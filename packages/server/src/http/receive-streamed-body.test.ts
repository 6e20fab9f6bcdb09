import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { readBodyText, withBodyInTemporaryFile } from './receive-streamed-body.js';

const limit = { bytes: 10, setting: 'testLimitBytes' };
const chunks = (...parts: string[]): Readable => Readable.from(parts.map((part) => Buffer.from(part)));

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'bothub-receive-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('withBodyInTemporaryFile', () => {
  it('hands over the body as a file and removes its directory afterwards', async () => {
    const seen = await withBodyInTemporaryFile({ stream: chunks('a,b\n', '1,2\n'), limit }, 'upload.csv', async (file) => readFile(file, 'utf8'), parent);
    expect(seen).toBe('a,b\n1,2\n');
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes the directory when the work on the file fails', async () => {
    await expect(withBodyInTemporaryFile({ stream: chunks('x'), limit }, 'upload.csv', () => Promise.reject(new Error('bad file')), parent)).rejects.toThrow('bad file');
    expect(await readdir(parent)).toEqual([]);
  });

  it('answers 413 naming the limit and its setting past the limit, or when Content-Length already exceeds it, and removes the directory', async () => {
    let used = false;
    const use = (): Promise<void> => {
      used = true;
      return Promise.resolve();
    };
    const streamed = await rejection(withBodyInTemporaryFile({ stream: chunks('123456', '7890', 'x'), limit }, 'upload.csv', use, parent));
    expect(streamed).toMatchObject({ code: 'body_too_large', status: 413, details: { limit: 10, setting: 'testLimitBytes' } });
    expect(streamed.message).toBe('The body is larger than the limit of 10 bytes (testLimitBytes).');
    const declared = await rejection(withBodyInTemporaryFile({ stream: chunks('1'), limit, declaredBytes: 11 }, 'upload.csv', use, parent));
    expect(declared.code).toBe('body_too_large');
    expect(used).toBe(false);
    expect(await readdir(parent)).toEqual([]);
  });

  it('does not destroy the request stream on a 413, so the answer can still be sent', async () => {
    const stream = chunks('12345678901');
    await rejection(withBodyInTemporaryFile({ stream, limit }, 'upload.csv', () => Promise.resolve(), parent));
    expect(stream.destroyed).toBe(false);
  });
});

describe('readBodyText', () => {
  it('reads the whole body as UTF-8 up to the limit, exactly', async () => {
    expect(await readBodyText({ stream: chunks('{"a":', '"é"}'), limit })).toBe('{"a":"é"}');
    expect((await rejection(readBodyText({ stream: chunks('{"a":', '"éé"}'), limit }))).code).toBe('body_too_large');
  });
});
