import type { Intent } from '../src/core/context.js';
import { menuButtons, regionName } from './shared.js';

const COMMANDS = ['start', 'help', 'language', 'region', 'events', 'subscribe', 'unsubscribe', 'delete', 'feedback'] as const;

/** The commands this bot knows, with their description key; adapters register them (Telegram setMyCommands). */
export const commandList = COMMANDS.map((command) => ({ command, descriptionKey: `help.${command}` as const }));

export const help: Intent = (ctx) => {
  const { t } = ctx;
  return [
    ctx.reply(
      [
        { kind: 'text', text: t('help.text', { region: regionName(ctx) }) },
        { kind: 'text', text: t('help.commands') },
        { kind: 'list', items: COMMANDS.map((command) => `/${command} — ${t(`help.${command}`)}`) },
      ],
      menuButtons(ctx),
    ),
  ];
};
