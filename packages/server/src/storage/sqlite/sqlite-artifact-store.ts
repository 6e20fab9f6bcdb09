/** The artifact part of the SQLite store (`SqliteStore.artifacts`). */
import type Database from 'better-sqlite3';
import type { ArtifactRecord, ArtifactStore } from '../artifact-store.js';
import { settle } from './settle.js';

interface ArtifactRow {
  version_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  signature: string;
  signer_key_id: string;
  created_at: string;
}

const COLUMNS = 'version_id, sha256, name, media_type, size, signature, signer_key_id, created_at';

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<[string, string, string, string, number, string, string, string]>(
      `INSERT INTO artifacts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version_id, sha256) DO NOTHING`,
    ),
    get: db.prepare<[string, string], ArtifactRow>(`SELECT ${COLUMNS} FROM artifacts WHERE version_id = ? AND sha256 = ?`),
    list: db.prepare<[string], ArtifactRow>(`SELECT ${COLUMNS} FROM artifacts WHERE version_id = ? ORDER BY key`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function toArtifact(row: ArtifactRow): ArtifactRecord {
  return { versionId: row.version_id, sha256: row.sha256, name: row.name, mediaType: row.media_type, size: row.size, signature: row.signature, signerKeyId: row.signer_key_id, createdAt: row.created_at };
}

/**
 * @example
 * const artifacts = new SqliteArtifactStore(db);
 * await artifacts.listArtifacts(version.id);
 */
export class SqliteArtifactStore implements ArtifactStore {
  readonly #db: Database.Database;
  #statements: Statements | null = null;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Prepared once, on first use (after the migrations): each prepared statement is kept for the process's life. */
  get #s(): Statements {
    this.#statements ??= prepareStatements(this.#db);
    return this.#statements;
  }

  putArtifact(artifact: ArtifactRecord): Promise<{ artifact: ArtifactRecord; created: boolean }> {
    return settle(() => {
      const { changes } = this.#s.insert.run(artifact.versionId, artifact.sha256, artifact.name, artifact.mediaType, artifact.size, artifact.signature, artifact.signerKeyId, artifact.createdAt);
      const row = this.#s.get.get(artifact.versionId, artifact.sha256);
      return { artifact: toArtifact(row!), created: changes === 1 };
    });
  }

  getArtifact(versionId: string, sha256: string): Promise<ArtifactRecord | null> {
    return settle(() => {
      const row = this.#s.get.get(versionId, sha256);
      return row === undefined ? null : toArtifact(row);
    });
  }

  listArtifacts(versionId: string): Promise<ArtifactRecord[]> {
    return settle(() => this.#s.list.all(versionId).map(toArtifact));
  }
}
