#!/usr/bin/env node
import { Command } from 'commander';
import { registerAnnounce } from './commands/announce.js';
import { registerAsk } from './commands/ask.js';
import { registerChat } from './commands/chat.js';
import { registerEval } from './commands/eval.js';
import { registerImport } from './commands/import.js';
import { registerSearch } from './commands/search.js';
import { registerStart } from './commands/start.js';
import { registerUser } from './commands/user.js';
import { packageVersion } from './version.js';

/** The `lotse` command line: one sub-command per module in `commands/`. */
const program = new Command('lotse').description('Lotse — local integration information in the messengers newcomers use');
program.version(packageVersion());
registerStart(program);
registerAsk(program);
registerChat(program);
registerSearch(program);
registerImport(program);
registerEval(program);
registerAnnounce(program);
registerUser(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
