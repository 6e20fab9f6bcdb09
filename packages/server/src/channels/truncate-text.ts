/**
 * Cuts text to a receiver's length limit, marking the cut with an ellipsis.
 *
 * @example
 * truncateText('drift.statistic of income', 10); // 'drift.sta…'
 */
export function truncateText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
