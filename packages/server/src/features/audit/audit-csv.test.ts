import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv, AUDIT_CSV_COLUMNS, escapeFormulaCell } from './audit-csv.js';
import type { AuditEntry } from './audit-entry.js';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    v: 1,
    seq: 1,
    time: '2026-01-01T00:00:00.000Z',
    action: 'model.created',
    actor: { kind: 'api_key', id: 'k1', name: 'ci' },
    target: { type: 'model', id: 'churn', project: 'default' },
    source: { ip: '127.0.0.1', userAgent: 'curl/8' },
    requestId: 'req-1',
    before: null,
    after: { name: 'churn' },
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...overrides,
  };
}

describe('escapeFormulaCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['  =HYPERLINK("http://x")', '\'  =HYPERLINK("http://x")'],
    ['\n@x', "'\n@x"],
  ])('prefixes %j with a quote', (cell, escaped) => {
    expect(escapeFormulaCell(cell)).toBe(escaped);
  });

  it.each(['model.created', '', 'a=b', '1-2', 'k@x', '{"a":"=1"}'])('keeps %j', (cell) => {
    expect(escapeFormulaCell(cell)).toBe(cell);
  });
});

describe('auditCsv', () => {
  it('writes a header and RFC 4180 rows that parse back to the escaped cells', () => {
    const hostile = entry({ actor: { kind: 'api_key', id: '=cmd|\' /C calc\'!A0', name: 'a "quoted", name\nwith a line break' }, target: { type: 'model', id: '-2+3', project: null } });
    const text = auditCsv([hostile, entry({ seq: 2 })]);
    expect(text.split('\r\n')[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ seq: '1', actor_id: "'=cmd|' /C calc'!A0", actor_name: 'a "quoted", name\nwith a line break', target_id: "'-2+3", project: '', after: '{"name":"churn"}' });
    expect(rows[1]!.seq).toBe('2');
  });
});
