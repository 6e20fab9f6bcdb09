/**
 * `bothub keys generate`, `bothub sign`, `bothub verify` and `bothub keys rotate`: signing keys for model artifacts,
 * their signatures (the same code the service checks uploads with), and rotation of the encryption key at rest.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { generateSigningKeyPair, loadConfig, rotateEncryptionKeys, signFile, trustedKey, verifyFile } from '@bothub/server';
import { UserInputError } from '@bothub/readers';

export interface ArtifactCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Records the command's exit code. */
  readonly exit: (code: number) => void;
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserInputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** `signing-key.pem` → `signing-key.pub.pem`. */
export function publicKeyPath(privateKeyPath: string): string {
  return privateKeyPath.endsWith('.pem') ? `${privateKeyPath.slice(0, -'.pem'.length)}.pub.pem` : `${privateKeyPath}.pub.pem`;
}

async function writeNew(path: string, text: string, mode: number, force: boolean): Promise<void> {
  try {
    await writeFile(path, text, { mode, flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserInputError(`${path} exists: pass --force to replace it`);
    throw new UserInputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/**
 * Adds the commands to the program.
 *
 * @example
 * addArtifactCommands(program, { out: console.log, err: console.error, exit: (code) => { exitCode = code; } });
 */
export function addArtifactCommands(program: Command, io: ArtifactCommandIo): void {
  const keys = program.command('keys').description('signing keys for artifacts; rotation of the encryption key at rest');

  keys
    .command('generate')
    .description('write a new ECDSA P-256 signing key (PKCS#8 PEM, mode 0600) and its public key (<out>.pub.pem)')
    .requiredOption('--out <file>', 'the private key file, e.g. signing-key.pem')
    .option('--force', 'replace existing files')
    .action(async (options: { out: string; force?: boolean }) => {
      const pair = generateSigningKeyPair();
      const publicPath = publicKeyPath(options.out);
      await writeNew(options.out, pair.privateKeyPem, 0o600, options.force === true);
      await writeNew(publicPath, pair.publicKeyPem, 0o644, options.force === true);
      io.out(`Wrote the private key to ${options.out} (keep it secret) and the public key to ${publicPath} (key id ${trustedKey(pair.publicKeyPem).id}).`);
      io.out('Give the public key to the service in trustedSigningKeys (or BOTHUB_TRUSTED_SIGNING_KEYS).');
    });

  keys
    .command('rotate')
    .description('make a new encryption key current and re-encrypt channel secrets and artifacts under it (stop the service first when its keys live in the data directory)')
    .option('--data-dir <dir>', 'the data directory (default ./bothub-data)')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite (or BOTHUB_DATABASE_URL)')
    .option('--config <file>', 'a JSON configuration file (or BOTHUB_CONFIG)')
    .action(async (options: { dataDir?: string; databaseUrl?: string; config?: string }) => {
      const flags: Record<string, unknown> = {};
      if (options.dataDir !== undefined) flags.dataDir = options.dataDir;
      if (options.databaseUrl !== undefined) flags.databaseUrl = options.databaseUrl;
      const rotation = await rotateEncryptionKeys(loadConfig(flags, process.env, options.config));
      io.out(
        rotation.file === null
          ? `The configured key ${rotation.current} is current (the ring comes from the configuration: add a new key there and make it current to rotate).`
          : `Added key ${rotation.current} to ${rotation.file} and made it current; the older keys stay in the file (remove them once no backup needs them).`,
      );
      io.out(`Re-encrypted under ${rotation.current}: channel secrets, and ${rotation.blobs} artifact blob${rotation.blobs === 1 ? '' : 's'}.`);
    });

  program
    .command('sign')
    .description('sign a file (e.g. a model artifact) with an ECDSA P-256 key; writes the base64 signature to <file>.sig')
    .argument('<file>', 'the file to sign')
    .requiredOption('--key <file>', 'the private key (PEM), e.g. from bothub keys generate')
    .option('--out <file>', 'where to write the signature (default <file>.sig)')
    .action(async (file: string, options: { key: string; out?: string }) => {
      const key = await readInput(options.key, 'the key');
      let signature: string;
      try {
        signature = await signFile(file, key);
      } catch (error) {
        throw new UserInputError(`cannot sign ${file}: ${(error as Error).message}`);
      }
      const out = options.out ?? `${file}.sig`;
      await writeFile(out, `${signature}\n`);
      io.out(`Signed ${file}; signature written to ${out}. Upload it with the file as the X-Bothub-Signature header.`);
    });

  program
    .command('verify')
    .description('verify a file\'s signature: exit 0 when it verifies against the public key, 1 when it does not')
    .argument('<file>', 'the signed file')
    .requiredOption('--signature <file>', 'the signature file (base64, DER or IEEE-P1363), e.g. <file>.sig')
    .requiredOption('--public-key <file>', 'the public key (PEM)')
    .action(async (file: string, options: { signature: string; publicKey: string }) => {
      const signature = await readInput(options.signature, 'the signature');
      const publicKey = await readInput(options.publicKey, 'the public key');
      let check: Awaited<ReturnType<typeof verifyFile>>;
      try {
        check = await verifyFile(file, signature, [publicKey]);
      } catch (error) {
        throw new UserInputError(`cannot verify ${file}: ${(error as Error).message}`);
      }
      if (check.valid) {
        io.out(`OK: the signature of ${file} (sha256 ${check.sha256}) verifies against key ${check.keyId}.`);
        io.exit(0);
      } else {
        io.err(`FAILED: the signature of ${file} (sha256 ${check.sha256}) does not verify: ${check.reason.replace('any trusted signing key', options.publicKey)}.`);
        io.exit(1);
      }
    });
}
