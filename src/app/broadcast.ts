import { Announcements } from '../broadcast/announcements.js';
import type { ChannelSender } from '../broadcast/channel.js';
import { BroadcastEngine, type EngineOptions } from '../broadcast/engine.js';
import { Outbox } from '../broadcast/outbox.js';
import type { RegionRegistry } from '../content/registry.js';
import type { BotTexts } from '../core/i18n.js';
import type { Logger } from '../log.js';
import { ChatStore } from '../store/chats.js';
import type { Db } from '../store/database.js';

/** The engine settings a caller may tune: clock, concurrency, retries, polling, error handler. */
export type EngineTuning = Partial<Pick<EngineOptions, 'clock' | 'concurrency' | 'maxAttempts' | 'backoffMs' | 'pollMs' | 'onError'>>;

/** Announcements and the engine that sends them, wired to the store and the channels' senders. */
export function createBroadcasting(options: { db: Db; registry: RegionRegistry; texts: BotTexts; senders: ReadonlyMap<string, ChannelSender>; logger: Logger; engine?: EngineTuning; now?: () => Date }) {
  const outbox = new Outbox(options.db);
  const chats = new ChatStore(options.db, options.now);
  const announcements = new Announcements({ outbox, chats, registry: options.registry, texts: options.texts, ...(options.now ? { now: options.now } : {}) });
  const engine = new BroadcastEngine({
    outbox,
    senders: options.senders,
    audience: (announcement) => announcements.recipients(announcement),
    compose: (announcement, delivery) => announcements.compose(announcement, delivery),
    mainLanguage: (region) => options.registry.get(region)?.region.defaultLanguage,
    onGone: (channel, chatId) => chats.deactivate(channel, chatId),
    onError: (error) => options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'broadcast error'),
    ...options.engine,
  });
  return { outbox, chats, announcements, engine };
}
