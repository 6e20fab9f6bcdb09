/**
 * The audit part of the PostgreSQL store (`PostgresStore.audit`). Each append runs in one transaction that locks the
 * chain head row (`SELECT … FOR UPDATE`), inserts the entry and moves the head: appends from every node sharing the
 * database wait for one another on that row, so the chain never forks.
 */
import type { AuditChainLink, AuditFilter, AuditStore, StoredAuditEntry } from '../audit-store.js';
import type { PostgresRunner } from './postgres-alert-store.js';

interface EntryRow {
  seq: string;
  doc: string;
  hash: string;
}

function toEntry(row: EntryRow): StoredAuditEntry {
  return { seq: Number(row.seq), doc: row.doc, hash: row.hash };
}

/** Conditions with numbered placeholders, built one filter at a time. */
function whereOf(filter: AuditFilter): { sql: string; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  const add = (column: string, operator: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    values.push(value);
    conditions.push(`${column} ${operator} $${values.length}`);
  };
  add('time', '>=', filter.from);
  add('time', '<=', filter.to);
  add('action', '=', filter.action);
  add('actor_id', '=', filter.actorId);
  add('target_type', '=', filter.targetType);
  add('target_id', '=', filter.targetId);
  add('project', '=', filter.project);
  add('seq', '<', filter.beforeSeq);
  add('seq', '>', filter.afterSeq);
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, values };
}

export class PostgresAuditStore implements AuditStore {
  readonly #run: PostgresRunner;

  constructor(run: PostgresRunner) {
    this.#run = run;
  }

  append(seal: Parameters<AuditStore['append']>[0]): Promise<StoredAuditEntry> {
    return this.#run.transaction(async (client) => {
      const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
      const head = rows[0]!;
      const sealed = seal({ seq: Number(head.seq), hash: head.hash });
      const c = sealed.columns;
      await client.query('INSERT INTO audit_entries (seq, time, action, actor_id, target_type, target_id, project, doc, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        sealed.seq, c.time, c.action, c.actorId, c.targetType, c.targetId, c.project, sealed.doc, sealed.hash,
      ]);
      await client.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [sealed.seq, sealed.hash]);
      return { seq: sealed.seq, doc: sealed.doc, hash: sealed.hash };
    });
  }

  async head(): Promise<AuditChainLink> {
    const { rows } = await this.#run.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
  }

  async list(filter: AuditFilter): Promise<StoredAuditEntry[]> {
    const where = whereOf(filter);
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    const { rows } = await this.#run.query<EntryRow>(`SELECT seq, doc, hash FROM audit_entries ${where.sql} ORDER BY seq ${order} LIMIT $${where.values.length + 1}`, [...where.values, filter.limit]);
    return rows.map(toEntry);
  }

  async readChain(afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    const { rows } = await this.#run.query<EntryRow>('SELECT seq, doc, hash FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
    return rows.map(toEntry);
  }
}
