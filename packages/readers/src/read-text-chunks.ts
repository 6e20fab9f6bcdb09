import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** A piece of a text file, decoded, with the file's bytes read so far. */
export interface TextChunk {
  readonly text: string;
  readonly bytesRead: number;
}

/**
 * Streams a text file as UTF-8 chunks of about `chunkBytes` (default 1 MiB) without ever holding the whole file;
 * `.gz` files are gunzipped on the fly (bytesRead then counts compressed bytes). A leading byte-order mark is dropped.
 * @example for await (const { text } of readTextChunks('data.csv')) process(text);
 */
export async function* readTextChunks(file: string, chunkBytes = 1 << 20): AsyncGenerator<TextChunk> {
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  let bytesRead = 0;
  const decoder = new StringDecoder('utf8');
  let first = true;
  const gzip = file.toLowerCase().endsWith('.gz');
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) {
    raw.on('data', (chunk) => (bytesRead += chunk.length));
    raw.on('error', (error) => stream.destroy(error));
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!gzip) bytesRead += chunk.length;
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      yield { text, bytesRead };
    }
    const tail = decoder.end();
    if (tail.length > 0) yield { text: tail, bytesRead };
  } finally {
    raw.destroy();
    if (gzip) stream.destroy();
  }
}
