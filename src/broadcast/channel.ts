import type { Reply } from '../core/message.js';

/**
 * What the broadcast engine needs from a messenger adapter: a way to send one reply to one
 * chat, and the messenger's rate limits. Failures are reported as `DeliveryError`s so the
 * engine decides about retries without knowing the messenger.
 */
export interface ChannelSender {
  /** `context` says what is being sent, for channels with rules per kind of message (WhatsApp templates). */
  send(chatId: string, reply: Reply, context?: SendContext): Promise<void>;
  limits: RateLimits;
}

export interface SendContext {
  topic: string;
  /** The subscriber's language. */
  language: string;
  /** The announcement's text in the language sent, without the bot's frame. */
  text: string;
}

export interface RateLimits {
  /** Messages per second over all chats (Telegram: about 30). `Infinity` for no limit. */
  perSecond: number;
  /** Messages per second to one chat (Telegram: 1). */
  perChatPerSecond: number;
}

export type DeliveryFailure =
  /** The messenger asks to slow down: wait `retryAfterMs`, for the whole channel. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The user is gone (blocked the bot, chat deleted): never retry, stop sending to them. */
  | { kind: 'gone' }
  /** Server error or network trouble: retry with backoff, a bounded number of times. */
  | { kind: 'transient' }
  /** The messenger rejected this message for good (e.g. malformed): do not retry. */
  | { kind: 'rejected' }
  /** The channel may not send this now (WhatsApp: outside the 24-hour window, no template): skipped, counted. */
  | { kind: 'not-allowed' };

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
