/**
 * `bothub audit verify` and `bothub audit export-head`: check the audit trail's hash chain (and signed heads exported
 * earlier) straight from the database, and sign the current chain head for safekeeping outside it. Signing keys are
 * the artifacts' kind: `bothub keys generate --out audit-key.pem`.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createAuditService, loadConfig, openPostgresStore, openSqliteStore, parseSignedAuditHead, SQLITE_FILE_NAME, verifyAuditHeadSignature } from '@bothub/server';
import type { SignedAuditHead, Store } from '@bothub/server';
import { UserInputError } from '@bothub/readers';
import { collectList } from './cli-options.js';

export interface AuditCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Records the command's exit code. */
  readonly exit: (code: number) => void;
}

interface StoreOptions {
  dataDir?: string;
  databaseUrl?: string;
  config?: string;
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserInputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The store the options name, as `bothub serve` would open it (flags < environment < config file precedence of
 * loadConfig). Only the audit tables are read, so no encryption key is loaded; a data directory without a database
 * is an input error rather than a new empty (and trivially valid) chain.
 */
async function openAuditStore(options: StoreOptions): Promise<Store> {
  const flags: Record<string, unknown> = {};
  if (options.dataDir !== undefined) flags.dataDir = options.dataDir;
  if (options.databaseUrl !== undefined) flags.databaseUrl = options.databaseUrl;
  const config = loadConfig(flags, process.env, options.config);
  if (config.databaseUrl) return openPostgresStore({ connectionString: config.databaseUrl });
  if (!existsSync(join(config.dataDir, SQLITE_FILE_NAME))) throw new UserInputError(`no Bothub database in ${config.dataDir} (pass --data-dir or --database-url)`);
  const store = await openSqliteStore({ dataDir: config.dataDir });
  await store.migrate();
  return store;
}

function addStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'the service\'s data directory (SQLite; default ./bothub-data)')
    .option('--database-url <url>', 'the service\'s PostgreSQL database (or BOTHUB_DATABASE_URL)')
    .option('--config <file>', 'the service\'s JSON configuration file (or BOTHUB_CONFIG)');
}

/**
 * Adds `bothub audit …` to the program.
 *
 * @example
 * addAuditCommands(program, { out: console.log, err: console.error, exit: (code) => { exitCode = code; } });
 */
export function addAuditCommands(program: Command, io: AuditCommandIo): void {
  const audit = program.command('audit').description('the hash-chained audit trail: verify it, sign its head');

  addStoreOptions(
    audit
      .command('verify')
      .description('walk the audit chain: exit 0 and the head when every link holds, 1 with the first broken link')
      .option('--head <file>', 'a signed head from `bothub audit export-head` the chain must still contain (repeatable)', collectList, [])
      .option('--public-key <file>', 'the public key (PEM) signed heads must verify with (needed with --head)'),
  ).action(async (options: StoreOptions & { head: string[]; publicKey?: string }) => {
    const heads: SignedAuditHead[] = [];
    if (options.head.length > 0 && options.publicKey === undefined) throw new UserInputError('--head needs --public-key: a head is only evidence when its signature verifies');
    const publicKey = options.publicKey === undefined ? null : await readInput(options.publicKey, 'the public key');
    for (const file of options.head) {
      let head: SignedAuditHead;
      try {
        head = parseSignedAuditHead(await readInput(file, 'the signed head'));
      } catch (error) {
        if (error instanceof UserInputError) throw error;
        throw new UserInputError(`${file}: not a signed head (${(error as Error).message})`);
      }
      if (!verifyAuditHeadSignature(head, publicKey!)) {
        io.out(`FAILED: the signed head ${file} (entry ${head.seq}) does not verify with ${options.publicKey}: it was altered or signed by another key`);
        io.exit(1);
        return;
      }
      heads.push(head);
    }
    const store = await openAuditStore(options);
    try {
      const verdict = await createAuditService({ store, clock: Date.now }).verify(heads);
      if (verdict.ok) {
        io.out(`OK: ${verdict.count} entries; head ${verdict.head.seq} ${verdict.head.hash}${heads.length > 0 ? `; ${heads.length} signed head(s) found in the chain` : ''}`);
        io.exit(0);
      } else {
        io.out(`BROKEN at entry ${verdict.break.seq} (${verdict.break.reason}): ${verdict.break.message}. ${verdict.count} entries before it verify.`);
        io.exit(1);
      }
    } finally {
      await store.close();
    }
  });

  addStoreOptions(
    audit
      .command('export-head')
      .description('sign the chain head {seq, hash, time} with an ECDSA P-256 key, record it in the chain, and write it (keep it outside the database)')
      .requiredOption('--key <file>', 'the private key (PEM), e.g. from `bothub keys generate --out audit-key.pem`')
      .option('--out <file>', 'write the signed head here (default: standard output)'),
  ).action(async (options: StoreOptions & { key: string; out?: string }) => {
    const privateKey = await readInput(options.key, 'the private key');
    const store = await openAuditStore(options);
    try {
      let signed: SignedAuditHead;
      try {
        signed = await createAuditService({ store, clock: Date.now }).signHead(privateKey);
      } catch (error) {
        if (error instanceof RangeError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_OSSL') === true) throw new UserInputError(`${options.key}: ${(error as Error).message}`);
        throw error;
      }
      const text = `${JSON.stringify(signed, null, 2)}\n`;
      if (options.out === undefined) io.out(text.trimEnd());
      else {
        await writeFile(options.out, text);
        io.out(`Signed head ${signed.seq} (${signed.hash}) with key ${signed.keyId}; wrote ${options.out}.`);
      }
      io.exit(0);
    } finally {
      await store.close();
    }
  });
}
