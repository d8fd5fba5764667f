import type { TFunction } from 'i18next';
import type { LoadedRegionEntry, RegionRegistry } from '../content/registry.js';
import type { ItemKind, SearchableItem } from '../content/model.js';
import type { ChatState } from '../store/chats.js';
import type { QuestionLog } from '../store/question-log.js';
import type { BotTexts } from './i18n.js';
import type { Block, Button, Incoming, Reply } from './message.js';
import type { RecentQuestions } from './recent-questions.js';

/** Everything an intent needs, for one incoming message. */
export interface ConversationContext {
  incoming: Incoming;
  /** The chat's stored state; intents change it, the conversation saves it afterwards. */
  chat: ChatState;
  /** Set by an intent that deleted the chat: then nothing is saved afterwards. */
  forget: boolean;
  /** Set by the question intent, for metrics: whether a good answer was found. */
  outcome: 'answered' | 'unanswered' | null;
  /** The chat's region, or null while none is chosen. */
  region: LoadedRegionEntry | null;
  /** The user's language: what content is searched in. */
  language: string;
  /** The bot's texts, in the reply language. */
  t: TFunction<'bot'>;
  texts: BotTexts;
  registry: RegionRegistry;
  questionLog: QuestionLog;
  recentQuestions: RecentQuestions;
  now: () => Date;
  /** Public link to an item: its Integreat URL, or Lotse's own page view. */
  linkTo: (regionSlug: string, kind: ItemKind, item: SearchableItem) => string;
  /** Link to the full privacy notice in a language. */
  privacyUrl: (language: string) => string;
  /** A reply in the reply language and direction. */
  reply: (blocks: Block[], buttons?: Button[][], extra?: Partial<Reply>) => Reply;
}

/** One intent: reads the context, may change the chat state, returns the replies to send. */
export type Intent = (ctx: ConversationContext) => Reply[] | Promise<Reply[]>;

/** Decides which intent handles a message. */
export type Router = (ctx: ConversationContext) => Intent;
