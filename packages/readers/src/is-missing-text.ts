const MISSING_SPELLINGS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none']);

/**
 * True for the spellings of a missing value in text files: empty (or blank), NA, N/A, NaN, null, None, in any case.
 * @example isMissingText('N/A'); // true
 */
export function isMissingText(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  // Every spelling starts with n or N once blanks are trimmed: most labels are ruled out without allocating.
  const first = text.charCodeAt(0);
  if (first !== 110 && first !== 78 && first > 32) return false;
  if (length > 8) return text.trim().length === 0;
  return MISSING_SPELLINGS.has(text.trim().toLowerCase());
}
