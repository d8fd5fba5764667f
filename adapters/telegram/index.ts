import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import express, { type Express, type RequestHandler } from 'express';
import type { Conversation } from '../../src/core/conversation.js';
import type { BotTexts } from '../../src/core/i18n.js';
import type { Logger } from '../../src/log.js';
import { createTelegramBot, registerCommands } from './bot.js';

/**
 * Starting and stopping the Telegram channel: off without a token, long polling by default,
 * a webhook on Lotse's own express server when `TELEGRAM_WEBHOOK_URL` is set.
 */

export interface TelegramSettings {
  TELEGRAM_BOT_TOKEN?: string | undefined;
  TELEGRAM_API_ROOT?: string | undefined;
  TELEGRAM_WEBHOOK_URL?: string | undefined;
  TELEGRAM_WEBHOOK_SECRET?: string | undefined;
}

export interface TelegramChannel {
  mode: 'polling' | 'webhook';
  /** Adds the webhook route (webhook mode) to the app before it listens. */
  mount: (app: Express) => void;
  /** Connects to Telegram: starts polling or registers the webhook. */
  start: () => Promise<void>;
  /** Stops taking updates; resolves when the updates in flight are done. */
  stop: () => Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Express handlers for Telegram webhooks: a small JSON body, the secret header checked by grammY. */
export function webhookHandlers(bot: Bot, secretToken: string | undefined): RequestHandler[] {
  // Telegram updates are small; a body over 1 MB is not from Telegram.
  return [express.json({ limit: '1mb' }), webhookCallback(bot, 'express', { secretToken, onTimeout: 'return', timeoutMilliseconds: 9_000 })];
}

export function telegramChannel(settings: TelegramSettings, deps: { conversation: Conversation; texts: BotTexts; logger: Logger }): TelegramChannel | null {
  const { logger } = deps;
  if (!settings.TELEGRAM_BOT_TOKEN) {
    logger.info('Telegram adapter off: TELEGRAM_BOT_TOKEN is not set');
    return null;
  }
  const bot = createTelegramBot({ token: settings.TELEGRAM_BOT_TOKEN, apiRoot: settings.TELEGRAM_API_ROOT, ...deps });
  const webhookUrl = settings.TELEGRAM_WEBHOOK_URL;

  if (webhookUrl) {
    const path = new URL(webhookUrl).pathname;
    return {
      mode: 'webhook',
      mount: (app) => {
        app.post(path, ...webhookHandlers(bot, settings.TELEGRAM_WEBHOOK_SECRET));
      },
      start: async () => {
        await bot.init();
        await bot.api.setWebhook(webhookUrl, { secret_token: settings.TELEGRAM_WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
        await registerCommands(bot, deps.texts).catch((error: unknown) => logger.warn({ err: String(error) }, 'Telegram commands not registered'));
        logger.info({ mode: 'webhook', path }, 'Telegram adapter on');
      },
      // In-flight webhook requests finish when the HTTP server closes.
      stop: async () => undefined,
    };
  }

  let runner: RunnerHandle | undefined;
  return {
    mode: 'polling',
    mount: () => undefined,
    start: async () => {
      await bot.init();
      await bot.api.deleteWebhook();
      await registerCommands(bot, deps.texts).catch((error: unknown) => logger.warn({ err: String(error) }, 'Telegram commands not registered'));
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
      logger.info({ mode: 'polling' }, 'Telegram adapter on');
    },
    stop: async () => {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
