import type { Command } from 'commander';
import { runTerminalChat } from '../../../adapters/terminal/chat.js';
import { createConversation } from '../../app/conversation.js';
import { loadConfig } from '../../config/env.js';
import { loadRegistry } from '../registry.js';
import { createLogger } from '../../log.js';
import { shippedGlossary } from '../../search/glossary.js';
import { openDatabase } from '../../store/database.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk to the bot in the terminal (buttons as numbered choices; nothing is stored)')
    .option('--region <slug>', 'region (default: the only or first one)')
    .option('--lang <code>', 'your language', 'de')
    .action(async (flags: { region?: string; lang: string }) => {
      const config = loadConfig();
      const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
      const registry = await loadRegistry(config, logger, { glossary: shippedGlossary(), ...(flags.region ? { only: flags.region } : {}) });
      if (registry.size === 0) {
        console.error(`unknown region "${flags.region}"`);
        process.exitCode = 2;
        return;
      }
      const conversation = createConversation({ registry, db: openDatabase(':memory:'), logger, publicUrl: config.PUBLIC_URL });
      await runTerminalChat(conversation, { language: flags.lang });
    });
}
