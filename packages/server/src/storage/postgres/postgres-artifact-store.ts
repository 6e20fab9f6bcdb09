/** The artifact part of the PostgreSQL store (`PostgresStore.artifacts`), on the store's pool and session settings. */
import type { ArtifactRecord, ArtifactStore } from '../artifact-store.js';
import type { PostgresRunner } from './postgres-alert-store.js';

interface ArtifactRow {
  version_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: string;
  signature: string;
  signer_key_id: string;
  created_at: string;
}

const COLUMNS = 'version_id, sha256, name, media_type, size, signature, signer_key_id, created_at';

function toArtifact(row: ArtifactRow): ArtifactRecord {
  return { versionId: row.version_id, sha256: row.sha256, name: row.name, mediaType: row.media_type, size: Number(row.size), signature: row.signature, signerKeyId: row.signer_key_id, createdAt: row.created_at };
}

/**
 * @example
 * const artifacts = new PostgresArtifactStore(runner);
 * await artifacts.listArtifacts(version.id);
 */
export class PostgresArtifactStore implements ArtifactStore {
  readonly #db: PostgresRunner;

  constructor(db: PostgresRunner) {
    this.#db = db;
  }

  async putArtifact(artifact: ArtifactRecord): Promise<{ artifact: ArtifactRecord; created: boolean }> {
    const inserted = await this.#db.query<ArtifactRow>(
      `INSERT INTO artifacts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (version_id, sha256) DO NOTHING RETURNING ${COLUMNS}`,
      [artifact.versionId, artifact.sha256, artifact.name, artifact.mediaType, artifact.size, artifact.signature, artifact.signerKeyId, artifact.createdAt],
    );
    const row = inserted.rows[0];
    if (row !== undefined) return { artifact: toArtifact(row), created: true };
    const existing = await this.getArtifact(artifact.versionId, artifact.sha256);
    if (existing === null) throw new Error(`putArtifact: artifact ${artifact.sha256} of version ${artifact.versionId} vanished after a conflict`);
    return { artifact: existing, created: false };
  }

  async getArtifact(versionId: string, sha256: string): Promise<ArtifactRecord | null> {
    const { rows } = await this.#db.query<ArtifactRow>(`SELECT ${COLUMNS} FROM artifacts WHERE version_id = $1 AND sha256 = $2`, [versionId, sha256]);
    return rows[0] === undefined ? null : toArtifact(rows[0]);
  }

  async listArtifacts(versionId: string): Promise<ArtifactRecord[]> {
    const { rows } = await this.#db.query<ArtifactRow>(`SELECT ${COLUMNS} FROM artifacts WHERE version_id = $1 ORDER BY seq`, [versionId]);
    return rows.map(toArtifact);
  }
}
