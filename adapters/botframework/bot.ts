import type { Conversation } from '../../src/core/conversation.js';
import { textOrCommand, type Incoming } from '../../src/core/message.js';
import type { Db } from '../../src/store/database.js';
import { renderForBotFramework, type OutgoingActivity } from './render.js';

/**
 * The Bot Framework turn handler, written against the few activity fields it uses (no SDK types),
 * so the thin SDK layer in `index.ts` can be swapped for botbuilder's successor.
 */

export const CHANNEL = 'botframework';

export interface ActivityLike {
  type: string;
  id?: string;
  text?: string;
  value?: unknown;
  locale?: string;
  replyToId?: string;
  from?: { id: string };
  recipient?: { id: string };
  conversation?: { id: string };
  membersAdded?: { id: string }[];
  reactionsAdded?: { type: string }[];
  entities?: { type?: string; geo?: { latitude?: number; longitude?: number }; latitude?: number; longitude?: number }[];
}

export interface TurnContextLike {
  activity: ActivityLike;
  sendActivity(activity: OutgoingActivity): Promise<{ id?: string } | undefined>;
}

/** Stores the conversation reference of each chat, for announcements later. */
export type RememberReference = (chatId: string, context: TurnContextLike) => void;

function payloadOf(activity: ActivityLike): string | null {
  const value = activity.value;
  if (value && typeof value === 'object' && typeof (value as { payload?: unknown }).payload === 'string') return (value as { payload: string }).payload;
  return null;
}

function locationOf(activity: ActivityLike): { lat: number; lon: number } | null {
  for (const entity of activity.entities ?? []) {
    const lat = entity.geo?.latitude ?? entity.latitude;
    const lon = entity.geo?.longitude ?? entity.longitude;
    if (typeof lat === 'number' && typeof lon === 'number') return { lat, lon };
  }
  return null;
}

/** The channel-neutral message for an activity, or null for activities the bot ignores. */
export function toIncoming(activity: ActivityLike, feedbackTokens: ReadonlyMap<string, string>): Incoming | null {
  const chatId = activity.conversation?.id;
  if (!chatId) return null;
  const base = { channel: CHANNEL, chatId, ...(activity.locale ? { languageHint: activity.locale } : {}) };
  if (activity.type === 'conversationUpdate') {
    const newcomer = (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
    return newcomer ? { ...base, kind: 'command', command: 'start', args: '' } : null;
  }
  if (activity.type === 'messageReaction') {
    // 👍/👎 on an answer: the reaction stands for the answer's feedback buttons.
    const token = activity.replyToId ? feedbackTokens.get(activity.replyToId) : undefined;
    const reaction = activity.reactionsAdded?.[0]?.type;
    if (!token || !reaction) return null;
    const direction = ['like', 'plusOne', 'heart', 'laugh'].includes(reaction) ? 'up' : reaction === 'angry' || reaction === 'sad' || reaction === 'dislike' ? 'down' : null;
    return direction ? { ...base, kind: 'button', payload: `fb:${direction}:${token}` } : null;
  }
  if (activity.type !== 'message') return null;
  const payload = payloadOf(activity);
  if (payload !== null) return { ...base, kind: 'button', payload };
  const location = locationOf(activity);
  if (location !== null) return { ...base, kind: 'location', location };
  const text = (activity.text ?? '').trim();
  if (text === '') return { ...base, kind: 'unsupported' };
  return textOrCommand(base, text);
}

export function botframeworkHandler(conversation: Conversation, remember: RememberReference) {
  // Sent activity id → feedback token of that answer, for reactions (bounded).
  const feedbackTokens = new Map<string, string>();
  return async (context: TurnContextLike): Promise<void> => {
    const incoming = toIncoming(context.activity, feedbackTokens);
    if (incoming === null) return;
    remember(incoming.chatId, context);
    const replies = await conversation.handle(incoming);
    for (const reply of replies) {
      const token = (reply.buttons ?? []).flat().map((button) => /^fb:up:(.+)$/.exec(button.payload)?.[1]).find(Boolean);
      for (const activity of renderForBotFramework(reply)) {
        const sent = await context.sendActivity(activity);
        if (token && sent?.id) {
          feedbackTokens.set(sent.id, token);
          if (feedbackTokens.size > 10_000) feedbackTokens.delete(feedbackTokens.keys().next().value!);
        }
      }
    }
  };
}

/** Conversation references in SQLite: enough to write to the chat again, nothing else. */
export function referenceStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO conversation_refs (channel, chat_id, reference, updated_at) VALUES ('${CHANNEL}', ?, ?, ?)
     ON CONFLICT (channel, chat_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
  );
  const select = db.prepare<[string], { reference: string }>(`SELECT reference FROM conversation_refs WHERE channel = '${CHANNEL}' AND chat_id = ?`);
  return {
    save: (chatId: string, reference: object) => void upsert.run(chatId, JSON.stringify(reference), Date.now()),
    load: (chatId: string): object | null => {
      const row = select.get(chatId);
      return row ? (JSON.parse(row.reference) as object) : null;
    },
  };
}
