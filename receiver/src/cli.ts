/**
 * The command line `klimapartner-receiver [command]`:
 *
 *   serve (default)                                     the HTTP service (configuration: config.ts)
 *   export interest|newsletter [--format csv|xlsx] [--out FILE]
 *   backup FILE                                         SQLite online backup, consistent while serving (FILE 0600)
 *   purge                                               applies the retention rules now
 *   show EMAIL                                          everything stored about one address, as JSON
 *   erase EMAIL                                         deletes it everywhere; prints how many records went
 *   user …, audit …                                     the team workspace's accounts and audit (team/cli.ts)
 *
 * Every command but serve reads only DATA_DIR and works while serve runs; serve holds a lock on
 * DATA_DIR (serve-lock.ts), and a second serve on it stops at once with exit code 1.
 * Bad arguments: one line on stderr, exit code 2; a bad configuration: exit code 1.
 */
import {resolve} from 'node:path';
import Database from 'better-sqlite3';
import {ConfigError, dataDir, readConfig} from './config.js';
import {openStore} from './store.js';
import {exportCsv, type ExportForm} from './export.js';
import {exportXlsx} from './xlsx.js';
import {purge} from './retention.js';
import {erase, show} from './access.js';
import {createPrivateFile, writePrivateFile} from './private-file.js';
import {startReceiver} from './server.js';
import {DataDirInUse} from './serve-lock.js';
import {auditCommand, userCommand} from './team/cli.js';
import {isEmail} from '../../src/shared/rules.js';

export class UsageError extends Error {}

const USAGE = 'usage: klimapartner-receiver [serve | export interest|newsletter [--format csv|xlsx] [--out FILE] | backup FILE | purge | show EMAIL | erase EMAIL | user add EMAIL --role viewer|editor|admin [--password-stdin] | user list | user role EMAIL ROLE | user remove EMAIL | user totp-reset EMAIL | audit [--since DATE]]';

/** `--name value` options (only those in `allowed`) and the remaining words. */
function parseArgs(args: string[], allowed: string[]): {words: string[]; options: Record<string, string>} {
  const words: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return {words, options};
}

function expectWords(command: string, words: string[], names: string[]): void {
  if (words.length !== names.length) {
    throw new UsageError(`${command} takes ${names.length ? names.join(' ') : 'no arguments'}${words.length > names.length ? `, not "${words.slice(names.length).join(' ')}"` : ''}`);
  }
}

function email(command: string, words: string[]): string {
  expectWords(command, words, ['EMAIL']);
  if (!isEmail(words[0])) throw new UsageError(`${command}: "${words[0]}" is not an e-mail address`);
  return words[0];
}

function withStore<T>(run: (store: ReturnType<typeof openStore>, dir: string) => T): T {
  const dir = dataDir();
  const store = openStore(dir);
  try {
    return run(store, dir);
  } finally {
    store.close();
  }
}

async function exportCommand(args: string[]): Promise<void> {
  const {words, options} = parseArgs(args, ['format', 'out']);
  expectWords('export', words, ['interest|newsletter']);
  const form = words[0] as ExportForm;
  if (form !== 'interest' && form !== 'newsletter') throw new UsageError(`export: unknown form "${form}": interest or newsletter`);
  const format = options.format ?? (options.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`export: unknown format "${format}": csv or xlsx`);
  const dir = dataDir();
  const store = openStore(dir);
  let output: string | Buffer;
  try {
    output = format === 'csv' ? exportCsv(store, form) : await exportXlsx(store, form);
  } finally {
    store.close();
  }
  if (options.out) writePrivateFile(options.out, output);
  else process.stdout.write(output);
}

async function backup(args: string[]): Promise<void> {
  const {words} = parseArgs(args, []);
  expectWords('backup', words, ['FILE']);
  const target = resolve(words[0]);
  const source = resolve(dataDir(), 'submissions.sqlite');
  if (target === source) throw new UsageError('backup: FILE must not be the database itself');
  const db = new Database(source, {readonly: true, fileMustExist: true});
  try {
    db.pragma('busy_timeout = 5000');
    createPrivateFile(target); // SQLite writes into it (and gives its journal the same mode)
    await db.backup(target);
  } finally {
    db.close();
  }
  console.log(`backup: ${target}`);
}

async function serve(args: string[]): Promise<void> {
  expectWords('serve', parseArgs(args, []).words, []);
  const config = readConfig();
  const running = await startReceiver({...config, log: (line) => process.stdout.write(line + '\n')});
  console.error(`klimapartner-receiver: listening on ${running.url} (data in ${config.dataDir})`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`klimapartner-receiver: stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const COMMANDS: Record<string, (args: string[]) => unknown> = {
  serve,
  export: exportCommand,
  backup,
  purge(args) {
    expectWords('purge', parseArgs(args, []).words, []);
    const config = readConfig();
    const purged = withStore((store) => purge(store, config));
    console.log(JSON.stringify(purged));
  },
  show(args) {
    const address = email('show', parseArgs(args, []).words);
    console.log(JSON.stringify(withStore((store) => show(store, address)), null, 2));
  },
  erase(args) {
    const address = email('erase', parseArgs(args, []).words);
    console.log(withStore((store) => erase(store, address)));
  },
  user: userCommand,
  audit: auditCommand,
};

/** Runs the command line; resolves with the exit code, or undefined when serve keeps running or a command succeeded. */
export async function cli(args: string[]): Promise<number | undefined> {
  const [command = 'serve', ...rest] = args;
  try {
    if (command === 'help' || command === '--help') {
      console.log(USAGE);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command "${command}"; ${USAGE}`);
    await run(rest);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof UsageError) {
      console.error(`klimapartner-receiver: ${message}`);
      return 2;
    }
    const known = error instanceof ConfigError || error instanceof DataDirInUse;
    console.error(`klimapartner-receiver: ${known ? '' : 'error: '}${message}`);
    return 1;
  }
}
