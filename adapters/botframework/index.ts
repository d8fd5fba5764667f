import express, { Router } from 'express';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import { DeliveryError, type ChannelSender } from '../../src/broadcast/channel.js';
import type { Conversation } from '../../src/core/conversation.js';
import type { Logger } from '../../src/log.js';
import type { Db } from '../../src/store/database.js';
import { isLocalRequest } from '../../src/server/local.js';
import { botframeworkHandler, referenceStore, type TurnContextLike } from './bot.js';
import { renderForBotFramework } from './render.js';

/**
 * Bot Framework channels (Teams, Web Chat, Facebook via Azure Bot Service) on `POST /api/messages`.
 *
 * botbuilder 4.x is archived by Microsoft (support ended in 2025; the successor is
 * `@microsoft/agents-hosting`). Everything SDK-specific is in this file; the turn logic
 * (`bot.ts`) and rendering (`render.ts`) use plain activity shapes, so swapping the SDK means
 * rewriting this file only.
 */

export interface BotFrameworkSettings {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
  MicrosoftAppType?: string | undefined;
  /** Accept unauthenticated activities from localhost only — for the Bot Framework Emulator. */
  BOTFRAMEWORK_DEV_MODE?: boolean | undefined;
}

export interface BotFrameworkChannel {
  router: Router;
  sender: ChannelSender;
  mode: 'authenticated' | 'development';
}


function statusOf(error: unknown): number | null {
  if (error && typeof error === 'object') {
    const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
    if (typeof candidate === 'number') return candidate;
  }
  return null;
}

export function botframeworkChannel(settings: BotFrameworkSettings, deps: { conversation: Conversation; db: Db; logger: Logger }): BotFrameworkChannel | null {
  const { logger } = deps;
  const authenticated = Boolean(settings.MicrosoftAppId && settings.MicrosoftAppPassword);
  if (!authenticated && !settings.BOTFRAMEWORK_DEV_MODE) {
    logger.info('Bot Framework adapter off: MicrosoftAppId/MicrosoftAppPassword are not set');
    return null;
  }
  const auth = new ConfigurationBotFrameworkAuthentication(
    authenticated
      ? { MicrosoftAppId: settings.MicrosoftAppId, MicrosoftAppPassword: settings.MicrosoftAppPassword, MicrosoftAppTenantId: settings.MicrosoftAppTenantId, MicrosoftAppType: settings.MicrosoftAppType ?? 'MultiTenant' }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Bot Framework turn failed');
  };
  const references = referenceStore(deps.db);
  const handle = botframeworkHandler(deps.conversation, (chatId, context) => {
    references.save(chatId, TurnContext.getConversationReference(context.activity as Partial<Activity>));
  });

  const router = Router();
  router.post('/api/messages', express.json({ limit: '1mb' }), async (request, response) => {
    // Without credentials only the local Emulator may talk to the bot.
    if (!authenticated && !isLocalRequest(request)) return void response.sendStatus(401);
    await adapter.process(request, response as never, (context) => handle(context as unknown as TurnContextLike));
  });

  const appId = settings.MicrosoftAppId ?? '';
  const sender: ChannelSender = {
    limits: { perSecond: 30, perChatPerSecond: 1 },
    async send(chatId, reply) {
      const reference = references.load(chatId);
      if (reference === null) throw new DeliveryError({ kind: 'gone' }, 'no conversation reference');
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          for (const activity of renderForBotFramework(reply)) await context.sendActivity(activity as Partial<Activity>);
        });
      } catch (error) {
        const status = statusOf(error);
        const message = error instanceof Error ? error.message : String(error);
        if (status === 429) throw new DeliveryError({ kind: 'rate-limited', retryAfterMs: 10_000 }, message);
        if (status === 403 || status === 404) throw new DeliveryError({ kind: 'gone' }, message);
        if (status !== null && status < 500) throw new DeliveryError({ kind: 'rejected' }, message);
        throw new DeliveryError({ kind: 'transient' }, message);
      }
    },
  };

  logger.info({ mode: authenticated ? 'authenticated' : 'development (localhost only)' }, 'Bot Framework adapter on');
  return { router, sender, mode: authenticated ? 'authenticated' : 'development' };
}
