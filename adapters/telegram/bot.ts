import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, Composer, type Context } from 'grammy';
import type { LanguageCode, UserFromGetMe } from 'grammy/types';
import type { Conversation } from '../../src/core/conversation.js';
import type { BotTexts } from '../../src/core/i18n.js';
import { textOrCommand, type Incoming } from '../../src/core/message.js';
import type { Logger } from '../../src/log.js';
import { commandList } from '../../intents/help.js';
import { renderForTelegram } from './render.js';

/**
 * The Telegram channel (grammY): updates → channel-neutral messages → conversation → replies
 * rendered as HTML messages with inline keyboards. Logs never contain texts or chat ids.
 */

export const CHANNEL = 'telegram';

export interface TelegramBotOptions {
  token: string;
  /** Bot API server, e.g. a self-hosted one; default the official API. */
  apiRoot?: string;
  conversation: Conversation;
  texts: BotTexts;
  logger: Logger;
  /** Known bot identity: skips `getMe` at start (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** How many recent update ids are remembered to drop Telegram's re-deliveries. */
  rememberUpdates?: number;
}

/** Drops an update whose id was seen recently: Telegram re-sends when a webhook answer is late. */
export function dropRepeatedUpdates(capacity = 10_000) {
  const seen = new Set<number>();
  return async (ctx: Context, next: () => Promise<void>) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) return;
    seen.add(id);
    if (seen.size > capacity) seen.delete(seen.values().next().value!);
    await next();
  };
}

/** The channel-neutral message for an update, or null for updates the bot ignores (edits, channel posts, …). */
export function toIncoming(ctx: Context): Incoming | null {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return null;
  const base = { channel: CHANNEL, chatId: String(chatId), ...(ctx.from?.language_code ? { languageHint: ctx.from.language_code } : {}) };
  if (ctx.callbackQuery) return typeof ctx.callbackQuery.data === 'string' ? { ...base, kind: 'button', payload: ctx.callbackQuery.data } : null;
  const message = ctx.message;
  if (message === undefined) return null;
  if (message.location) return { ...base, kind: 'location', location: { lat: message.location.latitude, lon: message.location.longitude } };
  if (typeof message.text === 'string') return textOrCommand(base, message.text);
  return { ...base, kind: 'unsupported' };
}

export function telegramComposer(conversation: Conversation, logger: Logger): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', async (ctx, next) => {
    // Answer at once so the button stops spinning, whatever the search takes.
    await ctx.answerCallbackQuery().catch(() => undefined);
    await next();
  });
  composer.use(async (ctx) => {
    const incoming = toIncoming(ctx);
    if (incoming === null) {
      logger.debug({ update: ctx.update.update_id }, 'telegram update ignored');
      return;
    }
    if (incoming.kind === 'text') void ctx.replyWithChatAction('typing').catch(() => undefined);
    const replies = await conversation.handle(incoming);
    for (const reply of replies) {
      for (const message of renderForTelegram(reply)) {
        const { text, ...other } = message;
        await ctx.api.sendMessage(Number(incoming.chatId), text, other);
      }
    }
  });
  return composer;
}

export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {}),
  });
  // 429 → wait retry_after; 5xx and network errors → retry with backoff, bounded.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowInternalServerErrors: false, rethrowHttpErrors: false }));
  bot.use(dropRepeatedUpdates(options.rememberUpdates));
  // Updates of one chat are handled in order; different chats in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(telegramComposer(options.conversation, options.logger));
  bot.catch((error) => {
    options.logger.error({ update: error.ctx.update.update_id, err: error.error instanceof Error ? error.error.message : String(error.error) }, 'telegram update failed');
  });
  return bot;
}

/** Registers the command list in every language the bot speaks (Telegram shows the user's). */
export async function registerCommands(bot: Bot, texts: BotTexts): Promise<void> {
  for (const language of texts.languages) {
    const t = texts.t(language);
    const commands = commandList.map(({ command, descriptionKey }) => ({ command, description: t(descriptionKey) }));
    await bot.api.setMyCommands(commands, language === 'en' ? {} : { language_code: language as LanguageCode });
  }
}
