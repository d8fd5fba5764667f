import type { RegionRegistry } from '../content/registry.js';
import type { ItemKind, SearchableItem } from '../content/model.js';
import { viewPath } from '../content/links.js';
import type { Logger } from '../log.js';
import { newChat, type ChatStore } from '../store/chats.js';
import type { QuestionLog } from '../store/question-log.js';
import type { ConversationContext, Router } from './context.js';
import type { BotTexts } from './i18n.js';
import type { Incoming, Reply } from './message.js';
import { detectLanguage } from './language-detection.js';
import { RecentQuestions } from './recent-questions.js';

/**
 * The conversation core: one incoming message in, replies out. It loads and saves the chat's
 * state, builds the context, lets the router pick an intent, and turns any failure into a
 * polite reply — a message never crashes the bot.
 */

export interface ConversationOptions {
  registry: RegionRegistry;
  chats: ChatStore;
  questionLog: QuestionLog;
  texts: BotTexts;
  router: Router;
  logger: Logger;
  /** Base URL of Lotse's public page views, e.g. `https://lotse.example`. */
  publicUrl: string;
  /** Told about every handled message (for metrics); gets no text and no chat id. */
  onHandled?: (event: { channel: string; kind: Incoming['kind']; outcome: 'answered' | 'unanswered' | 'other' | 'error'; seconds: number }) => void;
  now?: () => Date;
}

export class Conversation {
  private readonly recentQuestions = new RecentQuestions();

  constructor(private readonly options: ConversationOptions) {}

  linkTo = (regionSlug: string, kind: ItemKind, item: SearchableItem): string =>
    item.url ?? `${this.options.publicUrl.replace(/\/+$/, '')}${viewPath(regionSlug, kind, item)}`;

  async handle(incoming: Incoming): Promise<Reply[]> {
    const { registry, chats, texts, router, logger } = this.options;
    const chat = chats.get(incoming.channel, incoming.chatId) ?? newChat(incoming.channel, incoming.chatId);
    // Only a changed state is written: a chat that only asks leaves nothing new behind.
    const before = JSON.stringify(chat);
    const regions = registry.list();
    // With a single region there is nothing to choose.
    if (chat.region === null && regions.length === 1) chat.region = regions[0]!.region.slug;
    const region = chat.region ? (registry.get(chat.region) ?? null) : null;
    const regionLanguages = region?.region.languages.map((item) => item.code) ?? [];
    const language = chat.languageChosen && chat.language ? chat.language : await this.guessLanguage(incoming, regionLanguages, chat.language);
    if (!chat.languageChosen) chat.language = language;
    const replyLanguage = texts.replyLanguage(language);
    const ctx: ConversationContext = {
      incoming,
      chat,
      forget: false,
      outcome: null,
      region,
      language,
      t: texts.t(replyLanguage),
      texts,
      registry,
      questionLog: this.options.questionLog,
      recentQuestions: this.recentQuestions,
      now: this.options.now ?? (() => new Date()),
      linkTo: this.linkTo,
      privacyUrl: (lang) => `${this.options.publicUrl.replace(/\/+$/, '')}/privacy?lang=${encodeURIComponent(lang)}`,
      reply: (blocks, buttons, extra) => ({ language: replyLanguage, dir: texts.direction(replyLanguage), blocks, ...(buttons ? { buttons } : {}), ...extra }),
    };
    const started = performance.now();
    const report = (outcome: 'answered' | 'unanswered' | 'other' | 'error') =>
      this.options.onHandled?.({ channel: incoming.channel, kind: incoming.kind, outcome, seconds: (performance.now() - started) / 1000 });
    try {
      const replies = await router(ctx)(ctx);
      if (ctx.forget) chats.delete(incoming.channel, incoming.chatId);
      else if (JSON.stringify(ctx.chat) !== before) chats.save(ctx.chat);
      report(ctx.outcome ?? 'other');
      return replies;
    } catch (error) {
      // The error is logged without the message text or the chat id.
      logger.error({ channel: incoming.channel, kind: incoming.kind, err: error instanceof Error ? error.stack : String(error) }, 'intent failed');
      report('error');
      return [ctx.reply([{ kind: 'text', text: ctx.t('errors.generic') }])];
    }
  }

  /**
   * Before the user chooses: the language the message is written in, if it can be told; else the
   * messenger's hint; else the last guess; else the region's main language. Only languages the
   * region or the bot speaks count.
   */
  private async guessLanguage(incoming: Incoming, regionLanguages: string[], previous: string | null): Promise<string> {
    const usable = [...new Set([...regionLanguages, ...this.options.texts.languages])];
    if (incoming.kind === 'text') {
      const detected = await detectLanguage(incoming.text, usable);
      if (detected !== null) return detected;
    }
    const hint = incoming.languageHint?.toLowerCase().split(/[-_]/)[0];
    if (hint && usable.includes(hint)) return hint;
    return previous ?? regionLanguages[0] ?? 'de';
  }
}
