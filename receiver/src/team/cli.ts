/**
 * The workspace's commands (issue 20), run on DATA_DIR like the others:
 *
 *   user add EMAIL --role viewer|editor|admin [--password-stdin]
 *   user list | user role EMAIL ROLE | user remove EMAIL
 *   user totp-reset EMAIL                               removes the second factor (a lost phone)
 *   audit [--since DATE]                                JSON lines
 *
 * Without --password-stdin, `user add` prints a one-time link (24 h) where the
 * person sets the password: PUBLIC_URL/team/password?token=… (the query is
 * never logged). Entries in the audit made here name the account `cli`.
 */
import {readFileSync} from 'node:fs';
import {UsageError} from '../cli.js';
import {dataDir} from '../config.js';
import {openStore} from '../store.js';
import {isEmail} from '../../../src/shared/rules.js';
import {auditEntries} from './audit.js';
import {isRole, LINK_HOURS, ROLES, UserError, users} from './users.js';

const CLI_ACCOUNT = 'cli';

function words(args: string[], flags: string[], valued: string[]): {words: string[]; options: Record<string, string | true>} {
  const found: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      found.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (flags.includes(name) && inline === undefined) {
      options[name] = true;
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return {words: found, options};
}

function address(command: string, value: string | undefined): string {
  if (!value || !isEmail(value)) throw new UsageError(`${command}: ${value ? `"${value}" is not an e-mail address` : 'EMAIL missing'}`);
  return value;
}

function role(command: string, value: unknown): (typeof ROLES)[number] {
  if (!isRole(value)) throw new UsageError(`${command}: the role is one of ${ROLES.join(', ')}`);
  return value;
}

function withTeam<T>(run: (team: ReturnType<typeof users>, db: ReturnType<typeof openStore>['db']) => T): T {
  const store = openStore(dataDir());
  try {
    return run(users(store.db), store.db);
  } catch (error) {
    if (error instanceof UserError) throw new UsageError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function link(token: string): string {
  const base = process.env.PUBLIC_URL?.trim().replace(/\/+$/, '') ?? '';
  return `${base}/team/password?token=${token}`;
}

export function userCommand(args: string[]): void {
  const [sub, ...rest] = args;
  const now = new Date();
  if (sub === 'add') {
    const {words: given, options} = words(rest, ['password-stdin'], ['role']);
    if (given.length !== 1) throw new UsageError('user add takes EMAIL --role viewer|editor|admin [--password-stdin]');
    const email = address('user add', given[0]);
    const chosen = role('user add', options.role);
    const password = options['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : undefined;
    const {token} = withTeam((team) => team.add(email, chosen, now, CLI_ACCOUNT, password));
    if (token) console.log(`${email.toLowerCase()} (${chosen}): set the password within ${LINK_HOURS} h at ${link(token)}`);
    else console.log(`${email.toLowerCase()} (${chosen}): added`);
    return;
  }
  if (sub === 'list') {
    if (words(rest, [], []).words.length) throw new UsageError('user list takes no arguments');
    for (const user of withTeam((team) => team.list())) {
      console.log(JSON.stringify(user));
    }
    return;
  }
  if (sub === 'role') {
    const {words: given} = words(rest, [], []);
    if (given.length !== 2) throw new UsageError('user role takes EMAIL ROLE');
    const email = address('user role', given[0]);
    const chosen = role('user role', given[1]);
    withTeam((team) => team.setRole(email, chosen, now, CLI_ACCOUNT));
    console.log(`${email.toLowerCase()}: ${chosen}`);
    return;
  }
  if (sub === 'remove') {
    const {words: given} = words(rest, [], []);
    if (given.length !== 1) throw new UsageError('user remove takes EMAIL');
    const email = address('user remove', given[0]);
    withTeam((team) => team.remove(email, now, CLI_ACCOUNT));
    console.log(`${email.toLowerCase()}: removed and signed out`);
    return;
  }
  if (sub === 'totp-reset') {
    const {words: given} = words(rest, [], []);
    if (given.length !== 1) throw new UsageError('user totp-reset takes EMAIL');
    const email = address('user totp-reset', given[0]);
    withTeam((team) => team.resetTotp(email, now, CLI_ACCOUNT));
    console.log(`${email.toLowerCase()}: second factor removed, signed out everywhere`);
    return;
  }
  throw new UsageError('user add|list|role|remove|totp-reset');
}

export function auditCommand(args: string[]): void {
  const {words: given, options} = words(args, [], ['since']);
  if (given.length) throw new UsageError('audit takes [--since DATE]');
  let since: string | undefined;
  if (typeof options.since === 'string') {
    const date = new Date(options.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(options.since) || Number.isNaN(date.getTime())) throw new UsageError(`audit: --since "${options.since}" is not a date like 2027-01-31`);
    since = date.toISOString();
  }
  for (const entry of withTeam((_team, db) => auditEntries(db, since))) console.log(JSON.stringify(entry));
}
