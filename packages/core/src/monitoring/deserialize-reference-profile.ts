import type { ColumnValues, Dataset, DatasetColumn } from '../dataset.js';
import type { ReferenceProfile } from './build-reference-profile.js';
import { REFERENCE_PROFILE_FORMAT_VERSION } from './build-reference-profile.js';
import type { BufferRef, ReferenceProfileHeader } from './serialize-reference-profile.js';
import { REFERENCE_PROFILE_MAGIC } from './serialize-reference-profile.js';

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Reads bytes written by serializeReferenceProfile back into a profile. The typed arrays are copied out of `bytes`
 * (which may be a Buffer at any offset, as database drivers return them).
 * @throws RangeError for bytes that are not a profile, a format version this code does not read, or a truncated body.
 * @example const profile = deserializeReferenceProfile(await store.getReferenceProfile(versionId));
 */
export function deserializeReferenceProfile(bytes: Uint8Array): ReferenceProfile {
  const fn = 'deserializeReferenceProfile';
  if (!LITTLE_ENDIAN) throw new RangeError(`${fn}: big-endian platforms are not supported`);
  if (bytes.length < 8 || REFERENCE_PROFILE_MAGIC.some((b, i) => bytes[i] !== b)) throw new RangeError(`${fn}: not a reference profile (bad magic)`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new RangeError(`${fn}: truncated header`);
  let json = '';
  for (let i = 0; i < headerLength; i += 8192) json += String.fromCharCode(...bytes.subarray(8 + i, 8 + Math.min(headerLength, i + 8192)));
  const header = JSON.parse(json) as ReferenceProfileHeader;
  if (header.formatVersion !== REFERENCE_PROFILE_FORMAT_VERSION) {
    throw new RangeError(`${fn}: format version ${String(header.formatVersion)}, this build reads ${REFERENCE_PROFILE_FORMAT_VERSION}; rebuild the profile`);
  }
  const bodyStart = Math.ceil((8 + headerLength) / 8) * 8;
  const slice = (ref: BufferRef, bytesPerElement: number): ArrayBuffer => {
    const start = bodyStart + ref.offset;
    const end = start + ref.length * bytesPerElement;
    if (end > bytes.length) throw new RangeError(`${fn}: truncated body`);
    return bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end) as ArrayBuffer;
  };
  const columns = new Map<string, DatasetColumn>();
  for (const column of header.columns) {
    const v = column.values;
    const values: ColumnValues =
      v.storage === 'numeric'
        ? { storage: 'numeric', values: new Float64Array(slice(v.values, 8)) }
        : v.storage === 'categorical'
          ? { storage: 'categorical', codes: new Int32Array(slice(v.codes, 4)), dictionary: v.dictionary }
          : { storage: 'embedding', vectors: { rows: v.rows, cols: v.cols, data: new Float64Array(slice(v.data, 8)) }, missing: new Uint8Array(slice(v.missing, 1)) };
    columns.set(column.name, { name: column.name, type: column.type, values, counts: column.counts });
  }
  const { dataset } = header;
  const reference: Dataset = {
    source: dataset.source,
    totalRows: dataset.totalRows,
    sampledRows: dataset.sampledRows,
    ...(dataset.sampling === null ? {} : { sampling: dataset.sampling }),
    duplicateRows: dataset.duplicateRows,
    columns,
  };
  return { formatVersion: header.formatVersion, rows: header.rows, seed: header.seed, reference };
}
