/**
 * The CSV form of audit entries: RFC 4180 quoting by csv-stringify, and cells a spreadsheet would run as a formula
 * escaped as OWASP recommends (CSV injection): a cell starting with = + - @, a tab or a carriage return — or with one
 * of = + - @ after leading whitespace, which spreadsheets skip — gets a leading single quote, so it is shown as text.
 */
import { stringify } from 'csv-stringify';
import type { Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { AuditEntry } from './audit-entry.js';

/** The CSV columns, in order. */
export const AUDIT_CSV_COLUMNS = [
  'seq', 'time', 'action', 'actor_kind', 'actor_id', 'actor_name', 'target_type', 'target_id', 'project', 'ip', 'user_agent', 'request_id', 'before', 'after', 'prev_hash', 'hash',
] as const;

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * A cell made safe to open in a spreadsheet (quoting is csv-stringify's job).
 *
 * @example
 * escapeFormulaCell('=HYPERLINK("http://x")'); // '\'=HYPERLINK("http://x")'
 * escapeFormulaCell('  +1'); // "'  +1"
 * escapeFormulaCell('model.created'); // 'model.created'
 */
export function escapeFormulaCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One entry as CSV cells, escaped, in AUDIT_CSV_COLUMNS order. before/after are their JSON text.
 *
 * @example
 * auditCsvCells(entry); // ['1', '2026-…', 'model.created', 'api_key', …]
 */
export function auditCsvCells(entry: AuditEntry): string[] {
  const cells = [
    String(entry.seq), entry.time, entry.action, entry.actor.kind, entry.actor.id, entry.actor.name, entry.target.type, entry.target.id, entry.target.project ?? '',
    entry.source.ip ?? '', entry.source.userAgent ?? '', entry.requestId ?? '', JSON.stringify(entry.before), JSON.stringify(entry.after), entry.prevHash, entry.hash,
  ];
  return cells.map((cell) => escapeFormulaCell(cell));
}

/**
 * A stream turning entry cells into CSV text (header first, CRLF line ends as RFC 4180 says).
 *
 * @example
 * Readable.from(rows).pipe(createAuditCsvStream());
 */
export function createAuditCsvStream(): Stringifier {
  return stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\s'"]/ });
}

/**
 * The CSV text of some entries at once (tests, small exports).
 *
 * @example
 * auditCsv([entry]); // 'seq,time,…\r\n1,…\r\n'
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return stringifySync(entries.map((entry) => auditCsvCells(entry)), { header: true, columns: [...AUDIT_CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\s'"]/ });
}
