import type { Db } from './database.js';

/** What Lotse remembers about a chat — and nothing more. */
export interface ChatState {
  channel: string;
  chatId: string;
  region: string | null;
  language: string | null;
  /** True once the user picked the language; before, it is a guess from hints. */
  languageChosen: boolean;
  topics: string[];
  /** The last search's hits (ids only), for "more results" and buttons that open a hit. */
  lastResults: LastResults | null;
  /** What the next message is for, e.g. `feedback` or `places:health`. */
  awaiting: string | null;
  consentAt: string | null;
}

export interface LastResults {
  region: string;
  items: { kind: 'page' | 'event' | 'poi'; id: string }[];
  /** How many of `items` were shown already. */
  shown: number;
}

interface ChatRow {
  channel: string;
  chat_id: string;
  region: string | null;
  language: string | null;
  language_chosen: number;
  topics: string;
  last_results: string | null;
  awaiting: string | null;
  consent_at: string | null;
}

function fromRow(row: ChatRow): ChatState {
  return {
    channel: row.channel,
    chatId: row.chat_id,
    region: row.region,
    language: row.language,
    languageChosen: row.language_chosen === 1,
    topics: JSON.parse(row.topics) as string[],
    lastResults: row.last_results ? (JSON.parse(row.last_results) as LastResults) : null,
    awaiting: row.awaiting,
    consentAt: row.consent_at,
  };
}

export function newChat(channel: string, chatId: string): ChatState {
  return { channel, chatId, region: null, language: null, languageChosen: false, topics: [], lastResults: null, awaiting: null, consentAt: null };
}

/** Per-chat state in SQLite: one row per (channel, chat id). */
export class ChatStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly remove;
  private readonly removeDeliveries;
  private readonly removeWindows;
  private readonly removeRefs;
  private readonly removeInbox;
  private readonly subscribers;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.selectOne = db.prepare<[string, string], ChatRow>('SELECT * FROM chats WHERE channel = ? AND chat_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO chats (channel, chat_id, region, language, language_chosen, topics, last_results, awaiting, consent_at, created_at, updated_at)
       VALUES (@channel, @chatId, @region, @language, @languageChosen, @topics, @lastResults, @awaiting, @consentAt, @now, @now)
       ON CONFLICT (channel, chat_id) DO UPDATE SET region = excluded.region, language = excluded.language,
         language_chosen = excluded.language_chosen, topics = excluded.topics, last_results = excluded.last_results,
         awaiting = excluded.awaiting, consent_at = excluded.consent_at, active = 1, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM chats WHERE channel = ? AND chat_id = ?');
    this.removeDeliveries = db.prepare('DELETE FROM deliveries WHERE channel = ? AND chat_id = ?');
    this.removeWindows = db.prepare('DELETE FROM channel_windows WHERE channel = ? AND chat_id = ?');
    this.removeRefs = db.prepare('DELETE FROM conversation_refs WHERE channel = ? AND chat_id = ?');
    this.removeInbox = db.prepare("DELETE FROM webchat_inbox WHERE chat_id = ? AND ? = 'webchat'");
    this.subscribers = db.prepare<{ region: string; topic: string; channel: string; chatId: string; limit: number }, ChatRow>(
      `SELECT * FROM chats
       WHERE active = 1 AND region = @region AND EXISTS (SELECT 1 FROM json_each(chats.topics) WHERE value = @topic)
         AND (channel, chat_id) > (@channel, @chatId)
       ORDER BY channel, chat_id LIMIT @limit`,
    );
  }

  get(channel: string, chatId: string): ChatState | null {
    const row = this.selectOne.get(channel, chatId);
    return row ? fromRow(row) : null;
  }

  save(chat: ChatState): void {
    this.upsert.run({
      channel: chat.channel,
      chatId: chat.chatId,
      region: chat.region,
      language: chat.language,
      languageChosen: chat.languageChosen ? 1 : 0,
      topics: JSON.stringify(chat.topics),
      lastResults: chat.lastResults ? JSON.stringify(chat.lastResults) : null,
      awaiting: chat.awaiting,
      consentAt: chat.consentAt,
      now: this.clock().toISOString(),
    });
  }

  /** Removes everything stored about a chat — its state, deliveries, messaging window and inbox; true when there was something. */
  delete(channel: string, chatId: string): boolean {
    return this.db.transaction(() => {
      this.removeDeliveries.run(channel, chatId);
      this.removeWindows.run(channel, chatId);
      this.removeRefs.run(channel, chatId);
      this.removeInbox.run(chatId, channel);
      return this.remove.run(channel, chatId).changes > 0;
    })();
  }

  /** A chat that left (blocked the bot, deleted the chat) gets no more announcements until it writes again. */
  deactivate(channel: string, chatId: string): void {
    this.db.prepare('UPDATE chats SET active = 0 WHERE channel = ? AND chat_id = ?').run(channel, chatId);
  }

  /** Active chats of a region subscribed to a topic, on every channel. */
  subscribersOf(region: string, topic: string): ChatState[] {
    return [...this.eachSubscriber(region, topic)];
  }

  /**
   * The same, a page at a time: an audience of 100,000 never sits in memory at once, and each
   * page's query is finished before the caller writes (inside one transaction if it likes).
   */
  *eachSubscriber(region: string, topic: string, pageSize = 1000): Generator<ChatState> {
    let after = { channel: '', chatId: '' };
    for (;;) {
      const rows = this.subscribers.all({ region, topic, ...after, limit: pageSize });
      for (const row of rows) yield fromRow(row);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { channel: last.channel, chatId: last.chat_id };
    }
  }
}
