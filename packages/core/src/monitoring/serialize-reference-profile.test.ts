import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { ReferenceProfile } from './build-reference-profile.js';
import { deserializeReferenceProfile } from './deserialize-reference-profile.js';
import { serializeReferenceProfile } from './serialize-reference-profile.js';

const profile: ReferenceProfile = {
  formatVersion: 1,
  rows: 1000,
  seed: 42,
  reference: {
    ...makeDataset('ünïcode ✓.csv', {
      x: { type: 'numerical', values: [1.5, null, -3, 1e300] },
      c: { type: 'categorical', values: ['a', 'é', null, '日本'] },
      b: { type: 'boolean', values: [true, false, null, true] },
      e: { type: 'embedding', values: [[1, 2, 3], null, [4, 5, 6], [0.1, 0.2, 0.3]] },
    }),
    totalRows: 1000,
    sampling: 'seeded random sample, 4 of 1000 rows',
  },
};

describe('serializeReferenceProfile / deserializeReferenceProfile', () => {
  it('round-trips every storage, counts and dataset facts', () => {
    const bytes = serializeReferenceProfile(profile);
    expect([...bytes.subarray(0, 4)]).toEqual([0x42, 0x48, 0x52, 0x50]);
    expect(deserializeReferenceProfile(bytes)).toEqual(profile);
  });

  it('reads bytes at an unaligned offset (as database drivers return them)', () => {
    const bytes = serializeReferenceProfile(profile);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(deserializeReferenceProfile(shifted.subarray(3))).toEqual(profile);
  });

  it('rejects other bytes, a truncated body and another format version', () => {
    const bytes = serializeReferenceProfile(profile);
    expect(() => deserializeReferenceProfile(Uint8Array.of(1, 2, 3))).toThrow(/bad magic/);
    expect(() => deserializeReferenceProfile(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    expect(() => deserializeReferenceProfile(serializeReferenceProfile({ ...profile, formatVersion: 99 }))).toThrow(/format version 99/);
  });
});
