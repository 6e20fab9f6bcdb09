import { readFileSync } from 'node:fs';

/** The version of the bothub command, from its package.json. */
export const CLI_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
