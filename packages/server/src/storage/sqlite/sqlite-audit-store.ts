/**
 * The audit part of the SQLite store (`SqliteStore.audit`). SQLite has one writer: each append is an IMMEDIATE
 * transaction that reads the head row, inserts the entry and moves the head, so appends from several handles on one
 * file serialize into one chain.
 */
import type Database from 'better-sqlite3';
import type { AuditChainLink, AuditColumns, AuditFilter, AuditStore, StoredAuditEntry } from '../audit-store.js';
import { settle } from './settle.js';

/** Conditions and their values, built one filter at a time. */
function whereOf(filter: AuditFilter): { sql: string; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  const add = (condition: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    conditions.push(condition);
    values.push(value);
  };
  add('time >= ?', filter.from);
  add('time <= ?', filter.to);
  add('action = ?', filter.action);
  add('actor_id = ?', filter.actorId);
  add('target_type = ?', filter.targetType);
  add('target_id = ?', filter.targetId);
  add('project = ?', filter.project);
  add('seq < ?', filter.beforeSeq);
  add('seq > ?', filter.afterSeq);
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, values };
}

export class SqliteAuditStore implements AuditStore {
  readonly #db: Database.Database;
  readonly #append: (seal: Parameters<AuditStore['append']>[0]) => StoredAuditEntry;

  constructor(db: Database.Database) {
    this.#db = db;
    const append = db.transaction((seal: Parameters<AuditStore['append']>[0]): StoredAuditEntry => {
      const head = this.#headNow();
      const sealed = seal(head);
      const c: AuditColumns = sealed.columns;
      db.prepare('INSERT INTO audit_entries (seq, time, action, actor_id, target_type, target_id, project, doc, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        sealed.seq, c.time, c.action, c.actorId, c.targetType, c.targetId, c.project, sealed.doc, sealed.hash,
      );
      db.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(sealed.seq, sealed.hash);
      return { seq: sealed.seq, doc: sealed.doc, hash: sealed.hash };
    });
    this.#append = (seal) => append.immediate(seal);
  }

  #headNow(): AuditChainLink {
    return this.#db.prepare<[], AuditChainLink>('SELECT seq, hash FROM audit_head WHERE id = 1').get()!;
  }

  append(seal: Parameters<AuditStore['append']>[0]): Promise<StoredAuditEntry> {
    return settle(() => this.#append(seal));
  }

  head(): Promise<AuditChainLink> {
    return settle(() => this.#headNow());
  }

  list(filter: AuditFilter): Promise<StoredAuditEntry[]> {
    return settle(() => {
      const where = whereOf(filter);
      const order = filter.order === 'asc' ? 'ASC' : 'DESC';
      return this.#db.prepare<(string | number)[], StoredAuditEntry>(`SELECT seq, doc, hash FROM audit_entries ${where.sql} ORDER BY seq ${order} LIMIT ?`).all(...where.values, filter.limit);
    });
  }

  readChain(afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    return settle(() => this.#db.prepare<[number, number], StoredAuditEntry>('SELECT seq, doc, hash FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit));
  }
}
