import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { AccountError, StaffAccounts, type Role } from '../../console/accounts.js';
import { databasePath, openDatabase } from '../../store/database.js';

/** Reads a password without echoing it on a terminal, or the first line of stdin otherwise. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          return resolve(value);
        }
        if (character === '\u0003') process.exit(130);
        value = character === '\u007f' ? value.slice(0, -1) : value + character;
      }
    };
    stdin.on('data', onData);
  });
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('staff accounts of the console');
  user
    .command('add <name>')
    .description('add a staff account; the password is asked for (or read from stdin)')
    .option('--admin', 'an administrator: every region, manages accounts')
    .option('--editor <regions>', 'an editor of these regions (comma-separated)')
    .action(async (name: string, flags: { admin?: boolean; editor?: string }) => {
      if (Boolean(flags.admin) === Boolean(flags.editor)) {
        console.error('choose --admin or --editor REGIONS');
        process.exitCode = 2;
        return;
      }
      const role: Role = flags.admin ? 'admin' : 'editor';
      const db = openDatabase(databasePath(loadConfig().DATA_DIR));
      try {
        const password = await readPassword('Password: ');
        const created = await new StaffAccounts(db).create(name, password, role, flags.editor?.split(',').map((region) => region.trim()).filter(Boolean) ?? []);
        console.log(`${created.role} "${created.name}" added${created.regions.length > 0 ? ` for ${created.regions.join(', ')}` : ''}`);
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      } finally {
        db.close();
      }
    });
  user
    .command('list')
    .description('list staff accounts')
    .action(() => {
      const db = openDatabase(databasePath(loadConfig().DATA_DIR));
      for (const account of new StaffAccounts(db).list()) console.log(`${account.name}\t${account.role}\t${account.regions.join(',')}`);
      db.close();
    });
}
