import type { Reply } from '../core/message.js';

/**
 * What the broadcast engine needs from a messenger adapter: a way to send one reply to one
 * chat, and the messenger's rate limits. Failures are reported as `DeliveryError`s so the
 * engine decides about retries without knowing the messenger.
 */
export interface ChannelSender {
  send(chatId: string, reply: Reply): Promise<void>;
  limits: RateLimits;
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
  | { kind: 'rejected' };

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
