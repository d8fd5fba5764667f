import { router } from '../../intents/router.js';
import type { RegionRegistry } from '../content/registry.js';
import { Conversation, type ConversationOptions } from '../core/conversation.js';
import { BotTexts } from '../core/i18n.js';
import type { Logger } from '../log.js';
import { ChatStore } from '../store/chats.js';
import type { Db } from '../store/database.js';
import { QuestionLog } from '../store/question-log.js';

/** The composition root of the bot: core, intents, texts and store wired together. */
export function createConversation(options: { registry: RegionRegistry; db: Db; logger: Logger; publicUrl: string; texts?: BotTexts; now?: () => Date; onHandled?: ConversationOptions['onHandled'] }): Conversation {
  const now = options.now ?? (() => new Date());
  return new Conversation({
    registry: options.registry,
    chats: new ChatStore(options.db, now),
    questionLog: new QuestionLog(options.db, now),
    texts: options.texts ?? new BotTexts(),
    router,
    logger: options.logger,
    publicUrl: options.publicUrl,
    now,
    onHandled: options.onHandled,
  });
}
