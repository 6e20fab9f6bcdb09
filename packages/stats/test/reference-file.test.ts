import { describe, expect, it } from 'vitest';
import { loadReferenceFile, loadReferenceSection, referenceFilePath } from './reference-file.js';

describe('loadReferenceSection', () => {
  it('returns a section of the parsed file, parsed once', () => {
    expect(loadReferenceSection<unknown[]>('ks_2samp')).toBe(loadReferenceFile().ks_2samp);
    expect(loadReferenceFile()).toBe(loadReferenceFile());
  });

  it('throws naming the file and the section when the section is missing', () => {
    expect(() => loadReferenceSection('no_such_section')).toThrow(
      `reference file ${referenceFilePath()} has no section "no_such_section"`,
    );
  });
});
