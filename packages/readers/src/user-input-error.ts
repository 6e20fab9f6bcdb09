/**
 * A problem with what the user gave (a file, a column, an option), not a bug: the CLI prints its one-line message
 * without a stack trace and exits with code 2.
 * @example throw new UserInputError('the file is empty (no rows)', { file: 'ref.csv' });
 */
export class UserInputError extends Error {
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;
  /** The column the problem is in, when there is one. */
  readonly column: string | undefined;

  constructor(message: string, where: { file?: string; column?: string } = {}) {
    // The message always names the file: prefixed unless it names it already.
    super(where.file === undefined || message.includes(where.file) ? message : `${where.file}: ${message}`);
    this.name = 'UserInputError';
    this.file = where.file;
    this.column = where.column;
  }
}
