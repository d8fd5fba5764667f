import { languageFromCode } from '../content/languages.js';
import type { RegionRegistry } from '../content/registry.js';
import type { BotTexts } from '../core/i18n.js';
import type { Block, Reply } from '../core/message.js';
import type { ChatStore } from '../store/chats.js';
import type { Announcement, AnnouncementInput, Delivery, Outbox, Recipient, StateCounts } from './outbox.js';

/**
 * Announcements as staff and the CLI see them: validated input, the audience per language
 * before sending, the message each subscriber gets, progress, cancelling.
 */

export const ANNOUNCEMENT_TOPICS = ['news', 'events', 'courses', 'emergencies'] as const;
/** Longest text per language: one Telegram message, also on every other channel. */
export const MAX_ANNOUNCEMENT_LENGTH = 3500;

export class AnnouncementError extends Error {
  override name = 'AnnouncementError';
}

export interface AudiencePreview {
  total: number;
  /** Subscribers per language: in their own language, in the main language (fallback), or skipped. */
  languages: { language: string; subscribers: number; gets: 'own' | 'fallback' | 'nothing' }[];
}

export interface Progress {
  announcement: Announcement;
  counts: StateCounts;
  total: number;
  /** Share settled (sent, failed or skipped), 0–1. */
  done: number;
  /** Deliveries per second over the last 10 seconds. */
  rate: number;
  /** Seconds until all pending are sent at the current rate, or null. */
  etaSeconds: number | null;
}

export class Announcements {
  constructor(
    private readonly deps: { outbox: Outbox; chats: ChatStore; registry: RegionRegistry; texts: BotTexts; now?: () => Date },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Checks and stores an announcement; throws AnnouncementError with a message for staff. */
  create(input: AnnouncementInput): number | null {
    const entry = this.deps.registry.get(input.region);
    if (entry === undefined) throw new AnnouncementError(`unknown region "${input.region}"`);
    if (!(ANNOUNCEMENT_TOPICS as readonly string[]).includes(input.topic)) throw new AnnouncementError(`unknown topic "${input.topic}"; topics: ${ANNOUNCEMENT_TOPICS.join(', ')}`);
    const texts: Record<string, string> = Object.fromEntries(
      Object.entries(input.texts)
        .map(([language, text]): [string, string] => [language, String(text).trim()])
        .filter(([, text]) => text !== ''),
    );
    if (Object.keys(texts).length === 0) throw new AnnouncementError('an announcement needs a text in at least one language');
    for (const [language, text] of Object.entries(texts)) {
      if (!/^[a-z]{2,3}(-[a-z0-9]+)?$/.test(language)) throw new AnnouncementError(`"${language}" is not a language code`);
      if (text.length > MAX_ANNOUNCEMENT_LENGTH) throw new AnnouncementError(`the ${language} text has ${text.length} characters; at most ${MAX_ANNOUNCEMENT_LENGTH}`);
    }
    if (input.fallback === 'main' && texts[entry.region.defaultLanguage] === undefined) {
      throw new AnnouncementError(`falling back to the main language needs a text in ${entry.region.defaultLanguage}`);
    }
    if (input.link !== null && !/^https?:\/\/\S+$/.test(input.link)) throw new AnnouncementError('the link must be an http(s) URL');
    if (input.scheduledAt !== undefined && Number.isNaN(Date.parse(input.scheduledAt))) throw new AnnouncementError(`"${input.scheduledAt}" is not a date`);
    const scheduledAt = input.scheduledAt === undefined ? undefined : new Date(input.scheduledAt).toISOString();
    return this.deps.outbox.create({ ...input, texts, ...(scheduledAt ? { scheduledAt } : {}) }, this.now());
  }

  /** Who gets what: each subscriber in their own language, the main language, or nothing. */
  *recipients(announcement: Pick<Announcement, 'region' | 'topic' | 'texts' | 'fallback'>): Generator<Recipient> {
    const main = this.deps.registry.get(announcement.region)?.region.defaultLanguage ?? 'de';
    for (const chat of this.deps.chats.eachSubscriber(announcement.region, announcement.topic)) {
      const language = chat.language ?? main;
      if (announcement.texts[language] !== undefined) yield { channel: chat.channel, chatId: chat.chatId, language, fallback: false };
      else if (announcement.fallback === 'main' && announcement.texts[main] !== undefined) yield { channel: chat.channel, chatId: chat.chatId, language, fallback: true };
      else yield { channel: chat.channel, chatId: chat.chatId, language: null, fallback: false };
    }
  }

  preview(announcement: Pick<Announcement, 'region' | 'topic' | 'texts' | 'fallback'>): AudiencePreview {
    const main = this.deps.registry.get(announcement.region)?.region.defaultLanguage ?? 'de';
    const byLanguage = new Map<string, number>();
    let total = 0;
    for (const chat of this.deps.chats.eachSubscriber(announcement.region, announcement.topic)) {
      total++;
      byLanguage.set(chat.language ?? main, (byLanguage.get(chat.language ?? main) ?? 0) + 1);
    }
    return {
      total,
      languages: [...byLanguage]
        .sort((a, b) => b[1] - a[1])
        .map(([language, subscribers]) => ({
          language,
          subscribers,
          gets: announcement.texts[language] !== undefined ? 'own' : announcement.fallback === 'main' && announcement.texts[main] !== undefined ? 'fallback' : 'nothing',
        })),
    };
  }

  private readonly composed = new Map<string, Reply>();

  /** The message one subscriber gets: the bot's frame in their language, the text in theirs or the main one. */
  compose(announcement: Announcement, delivery: Delivery): Reply {
    // Everyone with the same language gets the same message: build it once.
    const key = `${announcement.id}:${delivery.language}:${delivery.fallback}`;
    let reply = this.composed.get(key);
    if (reply === undefined) {
      reply = this.build(announcement, delivery);
      if (this.composed.size >= 500) this.composed.delete(this.composed.keys().next().value!);
      this.composed.set(key, reply);
    }
    return reply;
  }

  private build(announcement: Announcement, delivery: Delivery): Reply {
    const { texts } = this.deps;
    const main = this.deps.registry.get(announcement.region)?.region.defaultLanguage ?? 'de';
    const replyLanguage = texts.replyLanguage(delivery.language);
    const t = texts.t(replyLanguage);
    const regionName = this.deps.registry.get(announcement.region)?.region.name ?? announcement.region;
    const textLanguage = delivery.fallback ? main : delivery.language;
    const blocks: Block[] = [{ kind: 'title', text: `📢 ${t('announcement.title', { region: regionName })}` }];
    if (delivery.fallback) blocks.push({ kind: 'note', text: t('announcement.fallback', { language: languageFromCode(main).nativeName }) });
    blocks.push({ kind: 'text', text: announcement.texts[textLanguage] ?? '' });
    if (announcement.link) blocks.push({ kind: 'link', url: announcement.link, label: announcement.link });
    blocks.push({ kind: 'note', text: t('announcement.why', { topic: t(`subscribe.topics.${announcement.topic}`, { defaultValue: announcement.topic }) }) });
    // The direction follows the language the bulk of the message is in.
    return { language: replyLanguage, dir: languageFromCode(textLanguage).dir, blocks };
  }

  progress(id: number, now = this.now().getTime()): Progress | null {
    const announcement = this.deps.outbox.get(id);
    if (announcement === null) return null;
    const counts = this.deps.outbox.counts(id);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const settled = counts.sent + counts.failed + counts.skipped;
    const rate = this.deps.outbox.sentSince(id, now - 10_000) / 10;
    const open = counts.pending + counts.sending;
    return {
      announcement,
      counts,
      total,
      done: total === 0 ? (announcement.state === 'done' ? 1 : 0) : settled / total,
      rate,
      etaSeconds: open === 0 ? 0 : rate > 0 ? Math.ceil(open / rate) : null,
    };
  }

  list(limit = 50): Progress[] {
    return this.deps.outbox.list(limit).map((announcement) => this.progress(announcement.id)!);
  }

  cancel(id: number): boolean {
    return this.deps.outbox.cancel(id, this.now().getTime());
  }
}
